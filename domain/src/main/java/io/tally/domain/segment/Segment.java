package io.tally.domain.segment;

import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A brand's saved query over its cards: a name, who sees it ({@link Visibility}, its owner, its locations when it is
 * by location) and its filters. {@code version} counts writes (1 when created) for conditional updates.
 */
public record Segment(BrandId brand, SegmentId id, String name, String description, Visibility visibility,
                      StaffId owner, Set<LocationId> locations, FilterGroup filters, Instant updatedAt, long version) {
    public static final int MAX_NAME = 80;
    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_LOCATIONS = 50;

    public Segment {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(filters, "filters");
        Objects.requireNonNull(updatedAt, "updatedAt");
        name = Objects.requireNonNull(name, "name").strip();
        description = description == null ? "" : description.strip();
        locations = Set.copyOf(locations);
        if (name.isEmpty() || name.length() > MAX_NAME || description.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("a name of 1-" + MAX_NAME + " characters, a description of at most "
                    + MAX_DESCRIPTION);
        }
        if (visibility.byLocation() == locations.isEmpty() || locations.size() > MAX_LOCATIONS) {
            throw new IllegalArgumentException("a by-location segment names 1-" + MAX_LOCATIONS + " locations, others none");
        }
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
    }

    /**
     * Whether {@code scope} sees this segment: owner-only ones their owner; by-location ones brand-wide roles always and
     * a manager when every one of its locations is theirs ({@link #withinScope}); a manager sees no segment over the
     * whole brand (base, shared, private): its count would cover cards outside their locations.
     */
    public boolean visibleTo(StaffScope scope) {
        if (!scope.brand().equals(brand)) {
            return false;
        }
        if (visibility.ownerOnly() && !scope.staff().equals(owner)) {
            return false;
        }
        return scope.brandWide() || visibility.byLocation() && withinScope(scope, locations);
    }

    /** Whether {@code scope} reaches every one of {@code places} (brand-wide roles reach all). */
    public static boolean withinScope(StaffScope scope, Set<LocationId> places) {
        return places.stream().allMatch(scope::sees);
    }

    /** Whether {@code scope} may change it: never a base segment; otherwise whoever sees it. */
    public boolean editableBy(StaffScope scope) {
        return visibility != Visibility.BASE && visibleTo(scope);
    }

    /** What decides whether a card is in the segment ({@link SegmentRule}), as the evaluation job fixes it. */
    public SegmentRule rule() {
        return new SegmentRule(brand, visibility, locations, filters);
    }

    /**
     * Whether the card is in the segment: the brand's, used at one of its locations when it is by location (the card
     * locations in {@link MemberFacts#usedAt}, what a manager's scope over cards is), and its filters hold.
     */
    public boolean matches(MemberFacts facts, EvaluationContext at) {
        return rule().matches(facts, at);
    }
}
