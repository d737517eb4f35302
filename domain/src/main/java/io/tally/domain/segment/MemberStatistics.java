package io.tally.domain.segment;

import io.tally.domain.program.ValueTypeKey;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a card's customer did, as the filters need it: purchases (spend in the brand's currency minor units, orders,
 * items, the SKUs bought), visits, the last activity, value issued and redeemed per value type, and events counted
 * by category, from the per-card statistics kept exactly once from the ledger and the events
 * ({@link EngagementStatistics}); a card without any has {@link #NONE}.
 */
public record MemberStatistics(long spend, long orders, long items, long visits, Optional<Instant> lastActivity,
                               Set<String> skus, Map<ValueTypeKey, Long> issued, Map<ValueTypeKey, Long> redeemed,
                               Map<String, Long> eventsByCategory) {
    /** Upper bound of the SKUs kept per card (the most recent ones). */
    public static final int MAX_SKUS = 200;
    public static final MemberStatistics NONE = new MemberStatistics(0, 0, 0, 0, Optional.empty(), Set.of(), Map.of(),
            Map.of(), Map.of());

    public MemberStatistics {
        if (spend < 0 || orders < 0 || items < 0 || visits < 0) {
            throw new IllegalArgumentException("statistics are never negative");
        }
        Objects.requireNonNull(lastActivity, "lastActivity");
        skus = Set.copyOf(skus);
        if (skus.size() > MAX_SKUS) {
            throw new IllegalArgumentException("more than " + MAX_SKUS + " SKUs");
        }
        issued = Map.copyOf(issued);
        redeemed = Map.copyOf(redeemed);
        eventsByCategory = Map.copyOf(eventsByCategory);
    }

    /** Spend divided by orders, rounded down (minor units); 0 without orders. */
    public long averageOrderValue() {
        return orders == 0 ? 0 : spend / orders;
    }
}
