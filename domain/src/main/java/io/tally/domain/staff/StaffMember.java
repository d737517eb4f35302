package io.tally.domain.staff;

import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationGroupId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A brand's staff member as the back office keeps it. The identity service (Cognito) holds the password and the
 * second factor; this item holds what the back office decides on: the brand, the role, a manager's location groups and
 * whether the member may sign in at all. {@code version} counts writes (1 when created) for conditional updates.
 */
public record StaffMember(BrandId brand, StaffId id, String email, String name, Role role, Set<LocationGroupId> groups,
                          boolean active, Instant createdAt, long version) {
    public static final int MAX_GROUPS = 50;

    public StaffMember {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        email = normalizeEmail(email);
        name = name == null || name.isBlank() ? email : name.strip();
        groups = Set.copyOf(groups);
        if (role.scoped() == groups.isEmpty()) {
            throw new IllegalArgumentException("a manager names 1-" + MAX_GROUPS + " location groups; other roles none");
        }
        if (groups.size() > MAX_GROUPS) {
            throw new IllegalArgumentException("at most " + MAX_GROUPS + " location groups");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }

    /** The next version with another role and groups. */
    public StaffMember withRole(Role newRole, Set<LocationGroupId> newGroups) {
        return new StaffMember(brand, id, email, name, newRole, newGroups, active, createdAt, version + 1);
    }

    /** The next version, active or not. */
    public StaffMember withActive(boolean nowActive) {
        return new StaffMember(brand, id, email, name, role, groups, nowActive, createdAt, version + 1);
    }

    /** E-mail addresses are compared in lower case; a staff e-mail is a plain address of at most 254 characters. */
    public static String normalizeEmail(String email) {
        Objects.requireNonNull(email, "email");
        String e = email.strip().toLowerCase(Locale.ROOT);
        if (e.length() > 254 || !e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("not an e-mail address");
        }
        return e;
    }
}
