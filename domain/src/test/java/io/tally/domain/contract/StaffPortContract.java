package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffMember;
import io.tally.domain.staff.StaffPort;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationGroupId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link StaffPort} must do; run against the fake and against DynamoDB. */
public abstract class StaffPortContract {
    private static final BrandId ACME = new BrandId("ACME");
    private static final BrandId OTHER = new BrandId("OTHER");
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    protected abstract StaffPort port();

    static StaffMember member(BrandId brand, String id, String email, Role role, String... groups) {
        return new StaffMember(brand, new StaffId(id), email, "Name " + id, role,
                Set.of(groups).stream().map(LocationGroupId::new).collect(java.util.stream.Collectors.toSet()), true, AT, 1);
    }

    @Test
    void a_member_is_created_once_and_read_back_whole() {
        StaffMember m = member(ACME, "u-1", "Ann@Example.com", Role.MANAGER, "NORTH", "SOUTH");
        assertTrue(port().create(m));
        assertFalse(port().create(member(ACME, "u-1", "other@example.com", Role.ADMIN)));
        assertEquals(Optional.of(m), port().find(new StaffId("u-1")));
        assertEquals("ann@example.com", port().find(new StaffId("u-1")).orElseThrow().email());
        assertEquals(Optional.empty(), port().find(new StaffId("u-2")));
    }

    @Test
    void a_brand_lists_its_own_members_by_email() {
        BrandId listed = new BrandId("LISTED");
        port().create(member(listed, "u-b", "bob@example.com", Role.SERVICE));
        port().create(member(listed, "u-a", "amy@example.com", Role.ADMIN));
        port().create(member(OTHER, "u-c", "cat@example.com", Role.ADMIN));
        assertEquals(List.of("amy@example.com", "bob@example.com"),
                port().list(listed).stream().map(StaffMember::email).toList());
        assertEquals(List.of(), port().list(new BrandId("NOBODY")));
    }

    @Test
    void an_update_needs_the_version_read_and_the_same_brand() {
        StaffMember m = member(ACME, "u-9", "nine@example.com", Role.SERVICE);
        port().create(m);
        StaffMember next = m.withRole(Role.MANAGER, Set.of(new LocationGroupId("NORTH")));
        assertTrue(port().update(next));
        assertFalse(port().update(next), "the same version twice");
        assertFalse(port().update(m.withActive(false)), "a stale version");
        StaffMember foreign = new StaffMember(OTHER, m.id(), m.email(), m.name(), Role.ADMIN, Set.of(), true, AT, 3);
        assertFalse(port().update(foreign), "another brand");
        assertTrue(port().update(next.withActive(false)));
        StaffMember stored = port().find(m.id()).orElseThrow();
        assertEquals(3, stored.version());
        assertFalse(stored.active());
        assertEquals(Role.MANAGER, stored.role());
        assertFalse(port().update(member(ACME, "u-none", "none@example.com", Role.ADMIN).withActive(false)), "absent");
    }
}
