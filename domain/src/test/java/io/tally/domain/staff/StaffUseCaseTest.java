package io.tally.domain.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.fakes.FakeStaffIdentity;
import io.tally.domain.fakes.InMemoryAuditLog;
import io.tally.domain.fakes.InMemoryLocations;
import io.tally.domain.fakes.InMemoryStaff;
import io.tally.domain.fakes.MutableClock;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.staff.StaffUseCase.Changed;
import io.tally.domain.staff.StaffUseCase.CreateCommand;
import io.tally.domain.staff.StaffUseCase.Created;
import io.tally.domain.staff.StaffUseCase.Problem;
import io.tally.domain.staff.StaffUseCase.Refused;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.Location;
import io.tally.domain.tenant.LocationGroup;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaffUseCaseTest {
    private static final BrandId ACME = new BrandId("ACME");
    private static final BrandId OTHER = new BrandId("OTHER");
    private static final LocationGroupId NORTH = new LocationGroupId("NORTH");
    private final InMemoryStaff staff = new InMemoryStaff();
    private final FakeStaffIdentity identity = new FakeStaffIdentity();
    private final InMemoryLocations locations = new InMemoryLocations()
            .add(new LocationGroup(ACME, NORTH, "North"))
            .add(new Location(ACME, new LocationId("n-1"), NORTH, "North 1"))
            .add(new Location(ACME, new LocationId("s-1"), new LocationGroupId("SOUTH"), "South 1"));
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final StaffUseCase useCase = new StaffUseCase(staff, identity, locations, audit, new SeededRandom(7),
            new MutableClock(Instant.parse("2026-12-01T09:00:00Z")));
    private final StaffScope admin = StaffScope.brandWide(ACME, new StaffId("admin-1"), "admin@acme.example", Role.ADMIN);

    private Created create(StaffScope by, String email, Role role, LocationGroupId... groups) {
        return assertInstanceOf(Created.class, useCase.create(by, new CreateCommand(email, "N", role, Set.of(groups))));
    }

    @Test
    void an_admin_creates_a_manager_with_a_temporary_password_and_it_is_audited() {
        Created c = create(admin, "Mia@Example.com", Role.MANAGER, NORTH);
        assertEquals("mia@example.com", c.member().email());
        assertEquals(c.temporaryPassword(), identity.user("mia@example.com").orElseThrow().password());
        assertTrue(identity.user("mia@example.com").orElseThrow().mustChange());
        assertEquals(Optional.of(c.member()), staff.find(c.member().id()));
        assertEquals(List.of("staff.create"), audit.all().stream().map(r -> r.action()).toList());
        assertEquals("admin-1", audit.all().get(0).staff().value());
    }

    @Test
    void the_temporary_password_is_in_no_audit_value_and_not_in_the_answer_s_text() {
        Created c = create(admin, "tom@example.com", Role.SERVICE);
        assertFalse(c.toString().contains(c.temporaryPassword()), "a logged answer must not carry the password");
        assertTrue(audit.all().stream().allMatch(r -> !r.before().containsValue(c.temporaryPassword())
                && !r.after().containsValue(c.temporaryPassword())));
    }

    @Test
    void only_admins_manage_staff_and_others_see_nothing() {
        StaffScope service = StaffScope.brandWide(ACME, new StaffId("svc"), "svc@acme.example", Role.SERVICE);
        Refused r = assertInstanceOf(Refused.class, useCase.create(service, new CreateCommand("x@example.com", "X",
                Role.ADMIN, Set.of())));
        assertEquals(Problem.NOT_FOUND, r.problem());
        assertTrue(identity.user("x@example.com").isEmpty());
        assertEquals(List.of(), useCase.list(service));
    }

    @Test
    void bad_input_is_refused_before_anything_is_written() {
        assertEquals(Problem.INVALID, assertInstanceOf(Refused.class, useCase.create(admin,
                new CreateCommand("not an email", "X", Role.SERVICE, Set.of()))).problem());
        assertEquals(Problem.INVALID, assertInstanceOf(Refused.class, useCase.create(admin,
                new CreateCommand("m@example.com", "M", Role.MANAGER, Set.of()))).problem());
        assertEquals(Problem.INVALID, assertInstanceOf(Refused.class, useCase.create(admin,
                new CreateCommand("m@example.com", "M", Role.MANAGER, Set.of(new LocationGroupId("ELSEWHERE"))))).problem());
        assertTrue(identity.user("m@example.com").isEmpty());
        assertEquals(List.of(), audit.all());
    }

    @Test
    void creating_again_after_a_crash_between_user_and_item_finishes_with_a_fresh_password() {
        identity.createUser("late@example.com", "lost-in-the-crash");
        Created c = create(admin, "late@example.com", Role.SERVICE);
        assertEquals(c.temporaryPassword(), identity.user("late@example.com").orElseThrow().password());
        assertEquals(Problem.EXISTS, assertInstanceOf(Refused.class, useCase.create(admin,
                new CreateCommand("late@example.com", "L", Role.SERVICE, Set.of()))).problem());
        assertEquals(c.temporaryPassword(), identity.user("late@example.com").orElseThrow().password(),
                "a member who exists keeps their password");
    }

    @Test
    void disabling_writes_the_item_and_the_identity_service_and_nobody_disables_themselves() {
        Created c = create(admin, "d@example.com", Role.SERVICE);
        Changed off = assertInstanceOf(Changed.class, useCase.setActive(admin, c.member().id(), false));
        assertFalse(off.member().active());
        assertFalse(identity.user("d@example.com").orElseThrow().enabled());
        assertInstanceOf(Changed.class, useCase.setActive(admin, c.member().id(), false), "again: nothing new");
        assertInstanceOf(Changed.class, useCase.setActive(admin, c.member().id(), true));
        assertTrue(identity.user("d@example.com").orElseThrow().enabled());
        assertTrue(staff.find(c.member().id()).orElseThrow().active());
        assertEquals(List.of("staff.create", "staff.disable", "staff.enable"),
                audit.all().stream().map(r -> r.action()).sorted().toList());

        Created self = create(admin, "admin-self@example.com", Role.ADMIN);
        StaffScope me = StaffScope.brandWide(ACME, self.member().id(), "admin-self@example.com", Role.ADMIN);
        assertEquals(Problem.SELF, assertInstanceOf(Refused.class, useCase.setActive(me, self.member().id(), false)).problem());
    }

    @Test
    void another_brands_member_is_answered_as_not_found() {
        StaffScope otherAdmin = StaffScope.brandWide(OTHER, new StaffId("o"), "o@other.example", Role.ADMIN);
        Created c = create(admin, "mine@example.com", Role.SERVICE);
        assertEquals(Problem.NOT_FOUND, assertInstanceOf(Refused.class,
                useCase.setActive(otherAdmin, c.member().id(), false)).problem());
        assertEquals(Problem.NOT_FOUND, assertInstanceOf(Refused.class,
                useCase.change(otherAdmin, c.member().id(), 1, Role.ADMIN, Set.of())).problem());
        assertTrue(staff.find(c.member().id()).orElseThrow().active());
    }

    @Test
    void a_change_needs_the_version_the_form_showed() {
        Created c = create(admin, "v@example.com", Role.SERVICE);
        Changed changed = assertInstanceOf(Changed.class, useCase.change(admin, c.member().id(), 1, Role.MANAGER, Set.of(NORTH)));
        assertEquals(Set.of(NORTH), changed.member().groups());
        assertEquals(Problem.CONFLICT, assertInstanceOf(Refused.class,
                useCase.change(admin, c.member().id(), 1, Role.ANALYST, Set.of())).problem());
    }

    @Test
    void a_managers_scope_is_the_locations_of_their_groups_and_a_disabled_member_has_none() {
        Created c = create(admin, "scope@example.com", Role.MANAGER, NORTH);
        StaffScopes scopes = new StaffScopes(staff, locations);
        StaffScope scope = scopes.resolve(c.member().id()).orElseThrow();
        assertEquals(Optional.of(Set.of(new LocationId("n-1"))), scope.locations());
        assertTrue(scope.sees(new LocationId("n-1")));
        assertFalse(scope.sees(new LocationId("s-1")));
        useCase.setActive(admin, c.member().id(), false);
        assertEquals(Optional.empty(), scopes.resolve(c.member().id()));
    }
}
