package io.tally.domain.communication;

import io.tally.domain.email.EmailMessage;
import io.tally.domain.email.RenderedEmail;
import io.tally.domain.email.TemplateEmailsPort;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.ledger.CardQueriesUseCase;
import io.tally.domain.ledger.CardView;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.Posting;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.shared.Outcome;
import io.tally.domain.tenant.Location;
import io.tally.domain.tenant.LocationsPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The e-mail sender's rendering of a brand template message ({@link TemplateMail}): the stored template (its current
 * version: templates keep no old versions, so a template edited after a send was queued sends as edited; the message's
 * version says which one was queued), the card's values ({@link MergeValues}: the card (A11b), the message's location
 * (A39), the transaction it names among the card's newest entries or else the newest, the value types (A2)), the
 * links the enqueuer signed ({@code link.unsubscribe}: the URL of the message's {@code List-Unsubscribe} header;
 * {@code link.preferences}: its {@code preferencesUrl} value). A test's subject is prefixed {@code [TEST] }. Signs nothing.
 */
public final class TemplateMailRenderer implements TemplateEmailsPort {
    /** The message value with the recipient's signed preferences link (put by the enqueuer). */
    public static final String PREFERENCES_URL = "preferencesUrl";
    public static final String TEST_PREFIX = "[TEST] ";
    /** How far back among the card's entries the message's transaction is looked for. */
    static final int TRANSACTION_WINDOW = 20;

    private final TemplatesPort templates;
    private final LoadProgramsPort programs;
    private final CardQueriesUseCase cards;
    private final CardLedgerPort ledger;
    private final LocationsPort locations;
    private final HtmlSanitizerPort sanitizer;
    private final Optional<Tracking> tracking;

    /**
     * Adds open and click tracking to a template mail's sanitised HTML ({@code delivery.TrackedHtml}: the tracking
     * image and signed click redirects served by the portal at {@code portalUrl}).
     */
    @FunctionalInterface
    public interface Tracking {
        String apply(String html, TemplateMail mail, String portalUrl);
    }

    public TemplateMailRenderer(TemplatesPort templates, LoadProgramsPort programs, CardQueriesUseCase cards,
                                CardLedgerPort ledger, LocationsPort locations, HtmlSanitizerPort sanitizer) {
        this(templates, programs, cards, ledger, locations, sanitizer, Optional.empty());
    }

    /** @param tracking open and click tracking (where the function holds the tracking secret); none: the HTML as rendered */
    public TemplateMailRenderer(TemplatesPort templates, LoadProgramsPort programs, CardQueriesUseCase cards,
                                CardLedgerPort ledger, LocationsPort locations, HtmlSanitizerPort sanitizer,
                                Optional<Tracking> tracking) {
        this.tracking = tracking;
        this.templates = templates;
        this.programs = programs;
        this.cards = cards;
        this.ledger = ledger;
        this.locations = locations;
        this.sanitizer = sanitizer;
    }

    @Override
    public Result render(EmailMessage message, PortalConfig brand) {
        Optional<TemplateMail> parsed = TemplateMail.of(message);
        if (parsed.isEmpty()) {
            return new Result.Dropped(Why.MALFORMED);
        }
        TemplateMail mail = parsed.get();
        Optional<EmailTemplate> template = templates.find(mail.brand(), mail.template());
        if (template.isEmpty()) {
            return new Result.Dropped(Why.TEMPLATE_GONE);
        }
        Outcome<CardView> card = cards.lookup(mail.brand(), mail.card(), Optional.empty());
        if (!card.isAccepted()) {
            return new Result.Dropped(Why.CARD_GONE);
        }
        CardView view = card.value();
        Optional<Location> location = mail.location().flatMap(l -> locations.locations(mail.brand()).stream()
                .filter(x -> x.id().value().equals(l)).findFirst());
        Map<String, String> values = MergeValues.of(brand, view, programs.catalogue(mail.brand()).valueTypes(), location,
                transaction(mail), Map.of("unsubscribe", unsubscribeUrl(message), "preferences",
                        message.value(PREFERENCES_URL)));
        TemplatesUseCase.Rendered r = TemplatesUseCase.render(template.get(), values, sanitizer);
        String subject = (TemplateMail.test(mail.mailing()) ? TEST_PREFIX : "") + r.subject();
        return new Result.Rendered(new RenderedEmail(brand.fromAddress(), brand.displayName(), mail.to(), subject,
                r.text(), finish(mail, message, r.html())));
    }

    /**
     * The one place the rendered HTML is post-processed before it goes out: open and click tracking, served by the
     * brand's portal (its base URL is the one the message's unsubscribe or preferences link names). A message with
     * neither link (a transactional one queued without them), a test and a text-only template (no HTML part: a lone
     * tracking image would make clients show an empty message) go out untracked.
     */
    private String finish(TemplateMail mail, EmailMessage message, String html) {
        if (tracking.isEmpty() || TemplateMail.test(mail.mailing()) || html.isBlank()) {
            return html;
        }
        return portalUrl(message).map(portal -> tracking.get().apply(html, mail, portal)).orElse(html);
    }

    /** The portal base URL ({@code https://host/portal/<brand>}) of the message's unsubscribe or preferences link. */
    static Optional<String> portalUrl(EmailMessage message) {
        String unsubscribe = unsubscribeUrl(message);
        int at = unsubscribe.indexOf("/unsubscribe?");
        if (at > 0) {
            return Optional.of(unsubscribe.substring(0, at));
        }
        String preferences = message.value(PREFERENCES_URL);
        at = preferences.indexOf("/preferences?");
        return at > 0 ? Optional.of(preferences.substring(0, at)) : Optional.empty();
    }

    /** The transaction the message names among the card's newest entries; else (or none named) the newest entry. */
    private Optional<Posting> transaction(TemplateMail mail) {
        Optional<LedgerEntry> head = ledger.head(mail.brand(), mail.card());
        if (head.isEmpty() || mail.transaction().isEmpty()) {
            return head.map(LedgerEntry::posting);
        }
        List<LedgerEntry> recent = new ArrayList<>();
        recent.add(head.get());
        recent.addAll(ledger.newestBefore(mail.brand(), mail.card(), head.get().sequence(), TRANSACTION_WINDOW - 1));
        String wanted = mail.transaction().get();
        return recent.stream().map(LedgerEntry::posting).filter(p -> p.transactionId().value().equals(wanted))
                .findFirst().or(() -> head.map(LedgerEntry::posting));
    }

    /** The URL inside the message's {@code List-Unsubscribe: <…>} header; empty for a transactional message. */
    static String unsubscribeUrl(EmailMessage message) {
        String header = message.headers().getOrDefault(EmailMessage.LIST_UNSUBSCRIBE, "");
        int end = header.indexOf('>');
        return header.startsWith("<") && end > 1 ? header.substring(1, end) : "";
    }
}
