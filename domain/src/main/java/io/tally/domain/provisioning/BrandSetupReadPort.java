package io.tally.domain.provisioning;

import io.tally.domain.program.CardSet;
import io.tally.domain.tenant.Brand;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.Employee;
import io.tally.domain.tenant.Location;
import io.tally.domain.tenant.LocationGroup;
import io.tally.domain.tenant.Terminal;
import java.util.List;
import java.util.Optional;

/**
 * Reads back the configuration items that {@link ProvisioningPort} writes, one kind at a time, for the back office's
 * brand setup pages: a brand's staff see and edit the same items the seed file provisions. Reads are strongly
 * consistent, so a page shown right after a change shows it. (Programs and value types come from
 * {@code program.LoadProgramsPort}, API keys from {@code tenant.ApiKeysPort}.) Each list is in id order.
 */
public interface BrandSetupReadPort extends io.tally.domain.tenant.LocationsPort {
    Optional<Brand> brand(BrandId brand);

    List<LocationGroup> locationGroups(BrandId brand);

    /** The same as {@link #locationGroups}: the back office's scope and staff pages read it as a {@code LocationsPort}. */
    @Override
    default List<LocationGroup> groups(BrandId brand) {
        return locationGroups(brand);
    }

    @Override
    List<Location> locations(BrandId brand);

    /** Every terminal of the brand, by location then id. */
    List<Terminal> terminals(BrandId brand);

    /** Every employee of the brand, by location then id (with the password hash: callers must not show it). */
    List<Employee> employees(BrandId brand);

    List<CardSet> cardSets(BrandId brand);
}
