package io.tally.domain.campaign;

import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a campaign's conditions may look at for one checkout.
 *
 * @param card      absent for an anonymous sale
 * @param exhausted campaigns whose total limit is used up (the caller learns it from the total-limit counters)
 */
public record Situation(Basket basket, Optional<CardFacts> card, List<PresentedCoupon> coupons, LocationId location,
                        LocationGroupId group, Instant at, Set<CampaignId> exhausted) {
    public Situation {
        Objects.requireNonNull(basket, "basket");
        Objects.requireNonNull(card, "card");
        coupons = List.copyOf(coupons);
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(at, "at");
        exhausted = Set.copyOf(exhausted);
    }
}
