package io.tally.domain.communication.send;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.communication.TemplateMail;
import io.tally.domain.communication.TemplateMailRenderer;
import io.tally.domain.email.EmailMessage;
import io.tally.domain.member.LinkTokens;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.tenant.LocationId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The messages of a send and of its test: one {@link TemplateMail} per card, signed here (the e-mail sender holds no
 * secret): a subscription list's message carries the one-click unsubscribe headers, and every message the preferences
 * link ({@link TemplateMailRenderer#PREFERENCES_URL}); the sender renders {@code link.unsubscribe} from the header.
 */
public final class SendMails {
    private final LinkTokens links;

    public SendMails(LinkTokens links) {
        this.links = links;
    }

    /** The card's primary e-mail address, if it has one. */
    public static Optional<String> email(Card card) {
        return card.primaryCustomer().map(Customer::email).filter(e -> e != null && !e.isBlank());
    }

    /** A recipient's message of the send: {@code send-<send>-<card>}, the template version fixed when queued. */
    public EmailMessage recipient(Send send, PortalConfig brand, Card card, String email, Instant now) {
        TemplateMail mail = new TemplateMail(send.mailing() + "-" + card.number().value(), send.brand(), send.mailing(),
                send.template(), send.templateVersion(), card.number(), email, send.list(),
                card.owningLocation().map(LocationId::value), Optional.empty());
        return signed(mail, brand, send.portalUrl().orElseThrow(), now);
    }

    /**
     * A test of the send to one test card: {@code test-<send>-<card>-<send version>}, so a double click sends once and a
     * test after an edit goes out again; the template's current version.
     */
    public EmailMessage test(Send send, long templateVersion, PortalConfig brand, CardNumber card, String email,
                             String portalUrl, Instant now) {
        TemplateMail mail = new TemplateMail(send.testMailing() + "-" + card.value() + "-" + send.version(), send.brand(),
                send.testMailing(), send.template(), templateVersion, card, email, send.list(), Optional.empty(),
                Optional.empty());
        return signed(mail, brand, portalUrl, now);
    }

    private EmailMessage signed(TemplateMail mail, PortalConfig brand, String portalUrl, Instant now) {
        boolean transactional = brand.list(mail.list()).map(l -> l.transactional()).orElse(false);
        Map<String, String> headers = transactional ? Map.of()
                : links.unsubscribe().headers(portalUrl, mail.brand(), mail.list(), mail.to(), now);
        EmailMessage m = mail.message(headers);
        Map<String, String> values = new HashMap<>(m.values());
        values.put(TemplateMailRenderer.PREFERENCES_URL, portalUrl + "/preferences?t=" + links.preferences(mail.brand(), mail.to(), now));
        return new EmailMessage(m.id(), m.brand(), m.kind(), m.to(), m.list(), values, m.headers());
    }
}
