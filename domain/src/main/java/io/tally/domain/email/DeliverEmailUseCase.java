package io.tally.domain.email;

import io.tally.domain.member.ContactKey;
import io.tally.domain.member.PreferencesPort;
import io.tally.domain.portal.PortalConfigPort;
import java.time.Clock;

/**
 * Sends one queued message, at most once: messages of an archived list, of a list the recipient left, and promotional
 * messages without their one-click unsubscribe link and messages to an address that bounced hard (a bounce drop) are
 * dropped, then the message id is claimed, then the provider gets it (with the message's headers), then the claim is
 * marked handed with the instant the provider took it (A23 {@code handedAt}) and the claimed listener is told (a card's
 * mailings). A failure after the claim is not retried (a second copy is worse than a missing invitation); failures
 * before it are, through the queue's redelivery. A redelivery of a claimed message sends nothing: if the claim is
 * marked, it tells the listener again with the stored instant ({@link Delivery#ALREADY_SENT}: a crash after the mark is
 * mended); if not (the provider refused it, or the sender died before the mark), it tells nothing
 * ({@link Delivery#NOT_HANDED}), as {@code DeliverSmsUseCase} does texts.
 */
public final class DeliverEmailUseCase {
    private final PortalConfigPort configs;
    private final PreferencesPort preferences;
    private final SentEmailsPort sent;
    private final EmailRendererPort renderer;
    private final EmailSenderPort sender;
    private final TemplateEmailsPort templates;
    private final Clock clock;
    private final ClaimedEmailListener claimed;
    private final BouncesPort bounces;

    /** Without hard-bounce marks (tests of the other rules). */
    public DeliverEmailUseCase(PortalConfigPort configs, PreferencesPort preferences, SentEmailsPort sent,
                               EmailRendererPort renderer, EmailSenderPort sender, Clock clock) {
        this(configs, preferences, sent, renderer, sender, TemplateEmailsPort.NONE, clock, ClaimedEmailListener.NONE,
                BouncesPort.NONE);
    }

    /** With {@code claimed}: told of each message the provider took, and again on its redeliveries (a card's mailings). */
    public DeliverEmailUseCase(PortalConfigPort configs, PreferencesPort preferences, SentEmailsPort sent,
                               EmailRendererPort renderer, EmailSenderPort sender, Clock clock,
                               ClaimedEmailListener claimed) {
        this(configs, preferences, sent, renderer, sender, TemplateEmailsPort.NONE, clock, claimed, BouncesPort.NONE);
    }

    /** With {@code bounces}: an address that bounced hard is not mailed again (a bounce drop, counted). */
    public DeliverEmailUseCase(PortalConfigPort configs, PreferencesPort preferences, SentEmailsPort sent,
                               EmailRendererPort renderer, EmailSenderPort sender, Clock clock, BouncesPort bounces) {
        this(configs, preferences, sent, renderer, sender, TemplateEmailsPort.NONE, clock, ClaimedEmailListener.NONE,
                bounces);
    }

    /** @param templates renders the brand's own templates ({@link EmailKind#TEMPLATE}) at send time */
    public DeliverEmailUseCase(PortalConfigPort configs, PreferencesPort preferences, SentEmailsPort sent,
                               EmailRendererPort renderer, EmailSenderPort sender, TemplateEmailsPort templates,
                               Clock clock) {
        this(configs, preferences, sent, renderer, sender, templates, clock, ClaimedEmailListener.NONE, BouncesPort.NONE);
    }

    /**
     * @param templates renders the brand's own templates ({@link EmailKind#TEMPLATE}) at send time
     * @param claimed   told of each message the provider took, and again on its redeliveries (a card's mailings)
     * @param bounces   addresses that bounced hard: not mailed again, each message dropped counted as a bounce drop
     */
    public DeliverEmailUseCase(PortalConfigPort configs, PreferencesPort preferences, SentEmailsPort sent,
                               EmailRendererPort renderer, EmailSenderPort sender, TemplateEmailsPort templates,
                               Clock clock, ClaimedEmailListener claimed, BouncesPort bounces) {
        this.templates = templates;
        this.bounces = bounces;
        this.configs = configs;
        this.preferences = preferences;
        this.sent = sent;
        this.renderer = renderer;
        this.sender = sender;
        this.clock = clock;
        this.claimed = claimed;
    }

    /** What became of a message; every value but SENT is final (logged by the consumer, never retried). */
    public enum Delivery {
        SENT,
        /** A redelivery of a message the provider took (its claim marked handed): nothing sent, the listener told again. */
        ALREADY_SENT,
        /**
         * A redelivery of a claimed message the provider never took, as far as the claim knows (refused, or the sender
         * died before the mark): nothing sent (at most once), nothing told.
         */
        NOT_HANDED,
        UNSUBSCRIBED, NO_PORTAL, LIST_ARCHIVED, NO_UNSUBSCRIBE_LINK,
        /** A brand template message whose template was deleted: dropped. */
        TEMPLATE_GONE,
        /** A brand template message whose card is gone: dropped. */
        CARD_GONE,
        /** A brand template message that does not say which template, version or card: dropped. */
        MALFORMED,
        /** Not sent: the address bounced hard before (counted as a bounce drop). */
        BOUNCE_DROP
    }

    public Delivery deliver(EmailMessage message) {
        var config = configs.load(message.brand());
        if (config.isEmpty()) {
            return Delivery.NO_PORTAL;
        }
        var list = config.get().list(message.list());
        if (list.map(l -> l.archived()).orElse(false)) {
            return Delivery.LIST_ARCHIVED;
        }
        boolean transactional = list.map(l -> l.transactional()).orElse(false);
        if (!transactional && !message.kind().staff() && !test(message)) {
            boolean on = preferences.load(message.brand(), ContactKey.email(message.to()))
                    .flatMap(p -> p.choice(message.list()))
                    .orElse(list.map(l -> l.defaultOn() || message.kind() == EmailKind.INVITATION).orElse(false));
            if (!on) {
                return Delivery.UNSUBSCRIBED;
            }
            if (!message.unsubscribable()) {
                return Delivery.NO_UNSUBSCRIBE_LINK; // a bug of its sender: never a promotional e-mail without the link
            }
        }
        if (bounces.bounced(message.brand(), message.to())) {
            bounces.dropped(message);
            return Delivery.BOUNCE_DROP;
        }
        RenderedEmail email;
        if (message.kind() == EmailKind.TEMPLATE) {
            TemplateEmailsPort.Result result = templates.render(message, config.get());
            if (result instanceof TemplateEmailsPort.Result.Dropped dropped) {
                return switch (dropped.why()) {
                    case TEMPLATE_GONE -> Delivery.TEMPLATE_GONE;
                    case CARD_GONE -> Delivery.CARD_GONE;
                    case MALFORMED -> Delivery.MALFORMED;
                };
            }
            email = ((TemplateEmailsPort.Result.Rendered) result).email().withHeaders(MailingHeaders.with(message));
        } else {
            email = renderer.render(message, config.get()).withHeaders(MailingHeaders.with(message));
        }
        ClaimedSend.Handing handing = ClaimedSend.send(sent, message.brand(), message.id(), clock, () -> sender.send(email),
                at -> claimed.claimed(message, at));
        return switch (handing) {
            case SENT -> Delivery.SENT;
            case ALREADY_SENT -> Delivery.ALREADY_SENT;
            case NOT_HANDED -> Delivery.NOT_HANDED;
        };
    }

    /**
     * A send's test ({@code communication.TemplateMail}'s mailing {@code test-…}) goes to the brand's chosen test users
     * whatever their list choices (it still carries the list's unsubscribe link).
     */
    private static boolean test(EmailMessage message) {
        return message.kind() == EmailKind.TEMPLATE && message.value("mailing").startsWith("test-");
    }
}
