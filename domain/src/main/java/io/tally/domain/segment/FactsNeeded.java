package io.tally.domain.segment;

/**
 * Which of the member facts that cost reads of their own a segment's filters look at: the recent events (only an
 * events filter with a period does; the all-time counts are in the statistics) and the rewards available (only a
 * "rewards and balances" filter without a value type does). The facts adapter leaves out what is not needed, so a
 * count pays for them only when they matter.
 */
public record FactsNeeded(boolean recentEvents, boolean rewards) {
    public static final FactsNeeded ALL = new FactsNeeded(true, true);
    public static final FactsNeeded NONE = new FactsNeeded(false, false);

    /** What {@code filter} (a group: everything nested in it) needs. */
    public static FactsNeeded of(SegmentFilter filter) {
        if (filter instanceof FilterGroup group) {
            FactsNeeded needed = NONE;
            for (SegmentFilter member : group.members()) {
                FactsNeeded m = of(member);
                needed = new FactsNeeded(needed.recentEvents || m.recentEvents, needed.rewards || m.rewards);
            }
            return needed;
        }
        return new FactsNeeded(filter instanceof SegmentFilter.Events e && e.period().isPresent(),
                filter instanceof SegmentFilter.RewardsAndBalances r && r.valueType().isEmpty());
    }
}
