package io.tally.domain.card;

import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import java.util.Set;

/**
 * Where a card has been used: the locations of its ledger entries (and of its allocation), kept so that a location
 * group manager's scope can be decided for a card in one read. Fed from the brand's events, at least once: linking
 * the same location again changes nothing. A card with no link is in no manager's scope (brand-wide roles see it).
 */
public interface CardLocationsPort {
    /** Records that {@code card} was used at {@code location}; idempotent. */
    void link(BrandId brand, CardNumber card, LocationId location);

    /** The locations {@code card} was used at (empty for a card never used at a location, or of another brand). */
    Set<LocationId> locations(BrandId brand, CardNumber card);
}
