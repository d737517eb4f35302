package io.tally.domain.staff;

import io.tally.domain.tenant.Location;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.LocationsPort;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves a signed-in staff member's {@link StaffScope} at the start of each request: the member must exist, be
 * active and belong to the brand the session was issued for; a manager's groups become the locations in them (read
 * now, so a location moved to another group leaves the manager's scope at once).
 */
public final class StaffScopes {
    private final StaffPort staff;
    private final LocationsPort locations;

    public StaffScopes(StaffPort staff, LocationsPort locations) {
        this.staff = Objects.requireNonNull(staff, "staff");
        this.locations = Objects.requireNonNull(locations, "locations");
    }

    /** The member's scope; empty when the member is unknown or disabled (the session is then worth nothing). */
    public Optional<StaffScope> resolve(StaffId id) {
        return staff.find(id).filter(StaffMember::active).map(this::scopeOf);
    }

    private StaffScope scopeOf(StaffMember m) {
        if (!m.role().scoped()) {
            return StaffScope.brandWide(m.brand(), m.id(), m.email(), m.role());
        }
        Set<LocationId> theirs = locations.locations(m.brand()).stream()
                .filter(l -> m.groups().contains(l.group())).map(Location::id).collect(Collectors.toUnmodifiableSet());
        return new StaffScope(m.brand(), m.id(), m.email(), m.role(), m.groups(), Optional.of(theirs));
    }
}
