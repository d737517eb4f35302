package io.tally.sqs.obs;

import io.tally.domain.event.DomainEvent;
import io.tally.domain.event.PublishEventPort;
import io.tally.domain.program.ValueTypeKey;
import java.util.List;
import java.util.Map;

/**
 * {@code MoneyIssued} and {@code MoneyRedeemed} per value type, counted where a ledger entry is committed: this wraps
 * the publisher a {@code CardLedgerWriter} relays its freshly appended entries through (the outbox's fast path), so
 * each entry counts once, in the invocation that wrote it. A repeated request is answered from the entry the first
 * one wrote and relays nothing new, and the outbox drain and the events consumer use other publishers, so neither a
 * replayed answer nor a redelivered message counts again. Only what {@code ledger.issue}, {@code ledger.redeem} and
 * {@code ledger.checkout} events say moved on the balance counts (voids, adjustments, expiries and holds do not);
 * amounts are shown at the value type's default scale (2 for USD). Counting never fails the publish.
 */
public final class LedgerMoneyMetrics implements PublishEventPort {
    private static final String BALANCE = "balance.";

    private final PublishEventPort delegate;

    public LedgerMoneyMetrics(PublishEventPort delegate) {
        this.delegate = delegate;
    }

    @Override
    public void publish(List<DomainEvent> events) {
        Invocation.current().ifPresent(invocation -> {
            try {
                events.forEach(e -> count(invocation.metrics(), e));
            } catch (RuntimeException notCounted) {
                invocation.line(Level.WARN, "money metrics not counted").field("error", notCounted.toString()).write();
            }
        });
        delegate.publish(events);
    }

    static void count(Metrics metrics, DomainEvent event) {
        boolean issues = event.type().equals("ledger.issue") || event.type().equals("ledger.checkout");
        boolean redeems = event.type().equals("ledger.redeem") || event.type().equals("ledger.checkout");
        if (!issues && !redeems) {
            return;
        }
        for (Map.Entry<String, String> d : event.data().entrySet()) {
            if (d.getKey().startsWith(BALANCE)) {
                String key = d.getKey().substring(BALANCE.length());
                long delta = Long.parseLong(d.getValue());
                int scale = ValueTypeKey.parseText(key).defaultScale();
                if (delta > 0 && issues) {
                    metrics.amount(TallyMetric.MONEY_ISSUED.metricName(), delta, scale, TallyMetric.MONEY_ISSUED.dimension(), key);
                } else if (delta < 0 && redeems) {
                    metrics.amount(TallyMetric.MONEY_REDEEMED.metricName(), -delta, scale, TallyMetric.MONEY_REDEEMED.dimension(), key);
                }
            }
        }
    }
}
