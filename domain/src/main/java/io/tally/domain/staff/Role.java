package io.tally.domain.staff;

import java.util.EnumSet;
import java.util.Set;

/**
 * A staff member's role in the back office. A {@link #MANAGER} is scoped to one or more location groups (the
 * glossary's restricted Clutch Portal logins); every other role sees the whole brand.
 */
public enum Role {
    /** Everything, brand-wide. */
    ADMIN("Brand admin", EnumSet.allOf(Permission.class)),
    /** Cards, customers, accounting and segments by location of their location groups only; reads of the brand's setup. */
    MANAGER("Location group manager", EnumSet.of(Permission.READ_CARDS, Permission.ACT_ON_CARDS, Permission.READ_SETUP,
            Permission.VIEW_ACCOUNTING, Permission.EXPLORE_DATA, Permission.EXPORT_REPORTS, Permission.BUILD_SEGMENTS)),
    /** Search and card actions, brand-wide. */
    SERVICE("Customer service", EnumSet.of(Permission.READ_CARDS, Permission.ACT_ON_CARDS)),
    /** Reads, brand-wide; changes nothing. */
    ANALYST("Read-only analyst", EnumSet.of(Permission.READ_CARDS, Permission.READ_SETUP,
            Permission.VIEW_ACCOUNTING, Permission.EXPLORE_DATA, Permission.EXPORT_REPORTS));

    private final String label;
    private final Set<Permission> permissions;

    Role(String label, Set<Permission> permissions) {
        this.label = label;
        this.permissions = permissions;
    }

    public String label() {
        return label;
    }

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }

    /** Whether this role is limited to location groups (and must name at least one). */
    public boolean scoped() {
        return this == MANAGER;
    }
}
