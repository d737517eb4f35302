package io.tally.domain.communication.rule;

import io.tally.domain.card.CardNumber;
import io.tally.domain.communication.rule.RuleFiring.Fired;
import io.tally.domain.engagement.RecordedEvent;
import io.tally.domain.event.DomainEvent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The events consumer's listener that fires the event-driven rules: an enrollment ({@code member.enrolled}), a
 * committed checkout ({@code ledger.checkout}, its total against the rule's minimum), a recorded event of the rule's
 * category ({@code engagement.recorded}) and any ledger entry that takes a balance from below the rule's threshold to at
 * least it. The trigger's id is the event's, so a redelivered event fires the same message id, sent once. Events of
 * other types read nothing.
 */
public final class RuleEventsListener implements Consumer<DomainEvent> {
    static final String ENROLLED = "member.enrolled";
    static final String LEDGER = "ledger.";
    static final String CHECKOUT = "ledger.checkout";
    private static final BigDecimal TEN_THOUSANDTHS = BigDecimal.valueOf(10_000);

    private final RuleFiring firing;

    public RuleEventsListener(RuleFiring firing) {
        this.firing = firing;
    }

    @Override
    public void accept(DomainEvent event) {
        if (!event.type().equals(ENROLLED) && !event.type().startsWith(LEDGER)
                && !event.type().equals(RecordedEvent.TYPE)) {
            return;
        }
        String number = event.data().get("cardNumber");
        if (number == null) {
            return;
        }
        List<Rule> rules = firing.rules(event.brand());
        if (rules.isEmpty()) {
            return;
        }
        Fired fired = new Fired(event.id(), new CardNumber(number), event.occurredAt(),
                Optional.ofNullable(event.data().get("location")), Optional.ofNullable(event.data().get("requestRef")));
        for (Rule rule : rules) {
            if (rule.active() && matches(rule.trigger(), event)) {
                firing.fire(rule, fired);
            }
        }
    }

    /** Whether the event is the rule's trigger. */
    static boolean matches(Trigger trigger, DomainEvent event) {
        Map<String, String> d = event.data();
        if (trigger instanceof Trigger.Enrollment) {
            return event.type().equals(ENROLLED);
        }
        if (trigger instanceof Trigger.Checkout c) {
            return event.type().equals(CHECKOUT) && !"SETUP".equals(d.get("checkout.stage"))
                    && c.minimum().map(min -> total(d).compareTo(BigDecimal.valueOf(min)) >= 0).orElse(true);
        }
        if (trigger instanceof Trigger.Event e) {
            return event.type().equals(RecordedEvent.TYPE) && e.category().equals(d.get("category"));
        }
        if (trigger instanceof Trigger.Balance b) {
            return event.type().startsWith(LEDGER) && crosses(b, d);
        }
        return false; // date-based: the daily job's
    }

    /** The checkout total in ten-thousandths (none told: zero). */
    private static BigDecimal total(Map<String, String> d) {
        String total = d.get("checkout.total");
        return total == null ? BigDecimal.ZERO : new BigDecimal(total).multiply(TEN_THOUSANDTHS);
    }

    /** Below the threshold before the entry, at least it after (the entry's change and the total after it). */
    private static boolean crosses(Trigger.Balance b, Map<String, String> d) {
        String key = b.valueType().asText();
        String after = d.get("after." + key);
        String change = d.get("balance." + key);
        if (after == null || change == null) {
            return false;
        }
        long total = Long.parseLong(after);
        long before = Math.subtractExact(total, Long.parseLong(change));
        return before < b.threshold() && total >= b.threshold();
    }
}
