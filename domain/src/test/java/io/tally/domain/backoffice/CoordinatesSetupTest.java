package io.tally.domain.backoffice;

import static io.tally.domain.fakes.TestWorld.BRAND;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tally.domain.audit.AuditRecord;
import io.tally.domain.fakes.InMemoryAuditLog;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.shared.GeoPoint;
import io.tally.domain.shared.Outcome;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.Brand;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoordinatesSetupTest {
    private final TestWorld w = new TestWorld();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final BrandSetupUseCase setup = new BrandSetupUseCase(w.programs, w.programs, audit, w.random, w.clock);
    private final StaffScope admin = StaffScope.brandWide(BRAND, new StaffId("a-1"), "admin@acme.test", Role.ADMIN);
    private final StaffScope manager = new StaffScope(BRAND, new StaffId("m-1"), "west@acme.test", Role.MANAGER,
            Set.of(new LocationGroupId("west")), Optional.of(Set.of(new LocationId("w1"))));

    private static String refusal(Outcome<?> o) {
        return ((Outcome.Rejected<?>) o).rejection().detail();
    }

    @Test
    void a_location_keeps_its_coordinates_audited_and_an_edit_without_them_clears_them() {
        setup.saveGroup(admin, SetupChange.CREATE, "west", "West").value();
        setup.saveLocation(admin, SetupChange.CREATE, "w1", "west", "West 1", " 40.7128", "-74.006 ").value();

        assertEquals(Optional.of(new GeoPoint(40.7128, -74.006)), w.programs.locations(BRAND).get(0).coordinates());
        AuditRecord created = audit.all().get(1);
        assertEquals(Map.of("group", "west", "name", "West 1", "coordinates", "40.7128,-74.006"), created.after());

        setup.saveLocation(admin, SetupChange.EDIT, "w1", "west", "West One").value();
        assertEquals(Optional.of(new GeoPoint(40.7128, -74.006)), w.programs.locations(BRAND).get(0).coordinates(),
                "an edit that does not speak of coordinates keeps them");
        setup.saveLocation(admin, SetupChange.EDIT, "w1", "west", "West One", "", "").value();
        assertEquals(Optional.empty(), w.programs.locations(BRAND).get(0).coordinates());
        assertEquals(Map.of("group", "west", "name", "West One"), audit.all().get(3).after());
    }

    @Test
    void bad_coordinates_are_refused_with_a_sentence_and_change_nothing() {
        setup.saveGroup(admin, SetupChange.CREATE, "west", "West").value();
        int recorded = audit.all().size();

        assertEquals("Coordinates: latitude is a number from -90 to 90 (decimal degrees).",
                refusal(setup.saveLocation(admin, SetupChange.CREATE, "w1", "west", "West 1", "95", "0")));
        assertEquals("Coordinates: longitude is a number from -180 to 180 (decimal degrees).",
                refusal(setup.saveLocation(admin, SetupChange.CREATE, "w1", "west", "West 1", "45", "east")));
        assertEquals("Coordinates: give both latitude and longitude, or neither.",
                refusal(setup.saveLocation(admin, SetupChange.CREATE, "w1", "west", "West 1", "45", "")));
        assertEquals(0, w.programs.locations(BRAND).size());
        assertEquals(recorded, audit.all().size());
    }

    @Test
    void the_brand_default_coordinates_are_set_and_cleared_by_brand_wide_staff_only() {
        w.programs.saveBrand(new Brand(BRAND, "Acme", true));

        Brand saved = setup.saveDefaultCoordinates(admin, "51.5074", "-0.1278").value();

        assertEquals(Optional.of(new GeoPoint(51.5074, -0.1278)), saved.defaultCoordinates());
        assertEquals(saved, setup.brand(admin).orElseThrow());
        assertEquals(true, saved.requireEmployee(), "the rest of the brand stays");
        AuditRecord record = audit.all().get(0);
        assertEquals("setup.brand.edit", record.action());
        assertEquals(Map.of("coordinates", "51.5074,-0.1278"), record.after());
        assertEquals(SetupAudit.NOT_ALLOWED, refusal(setup.saveDefaultCoordinates(manager, "0", "0")));
        assertEquals("Default coordinates: latitude is a number from -90 to 90 (decimal degrees).",
                refusal(setup.saveDefaultCoordinates(admin, "-90.5", "0")));
        setup.saveDefaultCoordinates(admin, " ", "").value();
        assertEquals(Optional.empty(), w.programs.brand(BRAND).orElseThrow().defaultCoordinates());
    }
}
