package io.tally.domain.tenant;

import java.util.List;

/**
 * A brand's locations and location groups, read for the back office: a manager's scope is the locations of their
 * groups, and staff pages offer the groups to choose from.
 */
public interface LocationsPort {
    /** The brand's locations, ordered by id. */
    List<Location> locations(BrandId brand);

    /** The brand's location groups, ordered by id. */
    List<LocationGroup> groups(BrandId brand);
}
