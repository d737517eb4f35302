package io.tally.domain.segment;

import java.util.List;
import java.util.Objects;

/**
 * Filters and nested groups joined by AND (all must match; an empty AND matches every card) or OR (any must match;
 * an empty OR matches none). Bounded: at most {@link #MAX_FILTERS} filters in a segment and {@link #MAX_DEPTH} levels.
 */
public record FilterGroup(Join join, List<SegmentFilter> members) implements SegmentFilter {
    public static final int MAX_FILTERS = 40;
    public static final int MAX_DEPTH = 3;

    public enum Join { AND, OR }

    public FilterGroup {
        Objects.requireNonNull(join, "join");
        members = List.copyOf(members);
        if (depth(members) > MAX_DEPTH || filterCount(members) > MAX_FILTERS) {
            throw new IllegalArgumentException("at most " + MAX_FILTERS + " filters in " + MAX_DEPTH + " levels");
        }
    }

    public static FilterGroup all(SegmentFilter... filters) {
        return new FilterGroup(Join.AND, List.of(filters));
    }

    public static FilterGroup any(SegmentFilter... filters) {
        return new FilterGroup(Join.OR, List.of(filters));
    }

    public boolean matches(MemberFacts f, EvaluationContext at) {
        return join == Join.AND ? members.stream().allMatch(m -> m.matches(f, at))
                : members.stream().anyMatch(m -> m.matches(f, at));
    }

    /** Levels of groups: 1 for a group of plain filters. */
    public int depth() {
        return depth(members);
    }

    /** Plain filters, nested ones included. */
    public int filterCount() {
        return filterCount(members);
    }

    private static int depth(List<SegmentFilter> members) {
        return 1 + members.stream().mapToInt(m -> m instanceof FilterGroup g ? g.depth() : 0).max().orElse(0);
    }

    private static int filterCount(List<SegmentFilter> members) {
        return members.stream().mapToInt(m -> m instanceof FilterGroup g ? g.filterCount() : 1).sum();
    }
}
