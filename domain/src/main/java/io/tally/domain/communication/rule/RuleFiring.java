package io.tally.domain.communication.rule;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.Customer;
import io.tally.domain.communication.EmailTemplate;
import io.tally.domain.communication.TemplateMail;
import io.tally.domain.communication.TemplatesPort;
import io.tally.domain.communication.UnsubscribeLinks;
import io.tally.domain.email.EmailOutboxPort;
import io.tally.domain.portal.PortalConfigPort;
import io.tally.domain.portal.SubscriptionList;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Fires rules: a trigger of a card becomes one {@link TemplateMail} to the card's primary e-mail, at once when the rule
 * has no delay (or the delay has passed: a late date job), else a {@link DueMail} the sweep queues when due. Every step
 * is safe to repeat: the message id is {@code rule-<rule>-<trigger id>} whoever fires it and however often, and the
 * e-mail sender claims it once (A23). A paused or deleted rule fires nothing, and is checked again when a delayed send
 * comes due. The template's version is the one current when the rule fires.
 */
public final class RuleFiring {
    /** Due sends the sweep queues per page. */
    public static final int SWEEP_PAGE = 100;

    private final RulesPort rules;
    private final TemplatesPort templates;
    private final CardPort cards;
    private final PortalConfigPort portals;
    private final DueMailsPort due;
    private final EmailOutboxPort outbox;
    private final UnsubscribeLinks links;
    private final Function<BrandId, Optional<String>> portalUrl;
    private final Clock clock;

    /**
     * @param links     signs a subscription list's one-click unsubscribe link (the enqueuer signs, the sender refuses a
     *                  promotional message without it)
     * @param portalUrl a brand's portal base URL, for that link; none known (no public origin configured): a rule on a
     *                  subscription list sends nothing, as the sender would refuse it without its link
     */
    public RuleFiring(RulesPort rules, TemplatesPort templates, CardPort cards, PortalConfigPort portals,
                      DueMailsPort due, EmailOutboxPort outbox, UnsubscribeLinks links,
                      Function<BrandId, Optional<String>> portalUrl, Clock clock) {
        this.rules = rules;
        this.templates = templates;
        this.cards = cards;
        this.portals = portals;
        this.due = due;
        this.outbox = outbox;
        this.links = links;
        this.portalUrl = portalUrl;
        this.clock = clock;
    }

    /** A trigger that happened to a card: its id (an event id, or a date trigger's), when, where, which transaction. */
    public record Fired(String triggerId, CardNumber card, Instant at, Optional<String> location,
                        Optional<String> transaction) {
        public Fired {
            Objects.requireNonNull(triggerId, "triggerId");
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(transaction, "transaction");
        }
    }

    /** The brand's rules, read once per event or job run. */
    public List<Rule> rules(BrandId brand) {
        return rules.list(brand);
    }

    /** Fires one rule for one trigger: queued now if due, else kept until due. Nothing for a paused rule. */
    public void fire(Rule rule, Fired fired) {
        if (!rule.active()) {
            return;
        }
        Optional<EmailTemplate> template = templates.find(rule.brand(), rule.template());
        if (template.isEmpty()) {
            return; // the template is gone: nothing to send (the rule's page shows it)
        }
        DueMail mail = new DueMail(rule.brand(), rule.id(), rule.messageId(fired.triggerId()), fired.card(),
                rule.template(), template.get().version(), fired.location(), fired.transaction(),
                fired.at().plus(rule.delay()));
        if (mail.dueAt().isAfter(clock.instant())) {
            due.put(mail);
        } else {
            send(rule, mail);
        }
    }

    /**
     * Queues the sends due by {@code now}, a page at a time, each then forgotten: a crash between the two queues it again
     * under the same message id, which the sender's claim sends once. A send of a paused or deleted rule is forgotten
     * unsent. Returns how many were queued.
     */
    public int sweep(Instant now, int maxPages) {
        int queued = 0;
        for (int page = 0; page < maxPages; page++) {
            List<DueMail> mails = due.due(now, SWEEP_PAGE);
            for (DueMail mail : mails) {
                Optional<Rule> rule = rules.find(mail.brand(), mail.rule()).filter(Rule::active);
                if (rule.isPresent() && send(rule.get(), mail)) {
                    queued++;
                }
                due.delete(mail);
            }
            if (mails.size() < SWEEP_PAGE) {
                break;
            }
        }
        return queued;
    }

    private boolean send(Rule rule, DueMail mail) {
        Optional<String> to = cards.load(rule.brand(), mail.card()).flatMap(Card::primaryCustomer).map(Customer::email)
                .filter(e -> !e.isBlank());
        if (to.isEmpty()) {
            return false; // no one to write to
        }
        boolean transactional = portals.load(rule.brand()).stream().flatMap(c -> c.subscriptionLists().stream())
                .filter(l -> l.id().equals(rule.list())).anyMatch(SubscriptionList::transactional);
        Optional<String> portal = portalUrl.apply(rule.brand());
        if (!transactional && portal.isEmpty()) {
            return false;
        }
        Map<String, String> headers = transactional ? Map.of()
                : links.headers(portal.get(), rule.brand(), rule.list(), to.get(), clock.instant());
        outbox.enqueue(new TemplateMail(mail.messageId(), rule.brand(), rule.mailing(), mail.template(), mail.version(),
                mail.card(), to.get(), rule.list(), mail.location(), mail.transaction()).message(headers));
        return true;
    }
}
