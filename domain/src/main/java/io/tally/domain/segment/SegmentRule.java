package io.tally.domain.segment;

import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import java.util.Objects;
import java.util.Set;

/**
 * What decides whether a card is in a segment, whoever evaluates it (the live count through {@link Segment#matches},
 * the evaluation job through the rule its snapshot fixed at the start): the brand's cards only; for a by-location
 * visibility only the cards used at one of its {@code locations} ({@link MemberFacts#usedAt}, what scopes a
 * manager's view of cards, so a manager's segment never reaches a card outside their locations); then the filters.
 */
public record SegmentRule(BrandId brand, Visibility visibility, Set<LocationId> locations, FilterGroup filters) {
    public SegmentRule {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(filters, "filters");
        locations = Set.copyOf(locations);
        if (visibility.byLocation() == locations.isEmpty()) {
            throw new IllegalArgumentException("a by-location rule names its locations, others none");
        }
    }

    public boolean matches(MemberFacts facts, EvaluationContext at) {
        return facts.card().brand().equals(brand)
                && (!visibility.byLocation() || facts.usedAt().stream().anyMatch(locations::contains))
                && filters.matches(facts, at);
    }

    /**
     * Whether every card the rule can hold is within {@code scope}'s reach: brand-wide staff always; anyone else only
     * a by-location rule over locations all theirs. A snapshot is shown and exported by its own rule, not by what its
     * segment says now (an older snapshot may have been taken while the segment covered the whole brand).
     */
    public boolean heldWithin(StaffScope scope) {
        return scope.brand().equals(brand)
                && (scope.brandWide() || visibility.byLocation() && Segment.withinScope(scope, locations));
    }
}
