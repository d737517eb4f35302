package io.tally.domain.staff;

import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is acting in the back office, and what they may reach: passed to every back-office use case, which enforces
 * it (never the templates). {@code locations} is empty for brand-wide roles; for a manager it holds the locations of
 * their groups, resolved when the request began. Something outside the scope is answered exactly as something that
 * does not exist.
 */
public record StaffScope(BrandId brand, StaffId staff, String email, Role role, Set<LocationGroupId> groups,
                         Optional<Set<LocationId>> locations) {
    public StaffScope {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        groups = Set.copyOf(groups);
        locations = locations.map(Set::copyOf);
        if (role.scoped() != locations.isPresent()) {
            throw new IllegalArgumentException("a manager, and only a manager, is limited to locations");
        }
    }

    /** A brand-wide scope (admin, customer service, analyst). */
    public static StaffScope brandWide(BrandId brand, StaffId staff, String email, Role role) {
        return new StaffScope(brand, staff, email, role, Set.of(), Optional.empty());
    }

    public boolean can(Permission permission) {
        return role.allows(permission);
    }

    public boolean brandWide() {
        return locations.isEmpty();
    }

    /** Whether this staff member may see what happened at {@code location} (brand-wide roles see every location). */
    public boolean sees(LocationId location) {
        return locations.map(ls -> ls.contains(location)).orElse(true);
    }

    /** Whether something that happened at any of {@code places} is visible (brand-wide: always). */
    public boolean seesAny(Collection<LocationId> places) {
        return locations.map(ls -> places.stream().anyMatch(ls::contains)).orElse(true);
    }

    /** A group is visible to brand-wide roles and to the managers of that group. */
    public boolean seesGroup(LocationGroupId group) {
        return brandWide() || groups.contains(group);
    }
}
