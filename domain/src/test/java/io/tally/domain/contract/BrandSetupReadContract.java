package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.provisioning.BrandSetupReadPort;
import io.tally.domain.provisioning.ProvisioningPort;
import io.tally.domain.shared.GeoPoint;
import io.tally.domain.tenant.Brand;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.Employee;
import io.tally.domain.tenant.EmployeeId;
import io.tally.domain.tenant.Location;
import io.tally.domain.tenant.LocationGroup;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.Terminal;
import io.tally.domain.tenant.TerminalId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every implementation of {@link BrandSetupReadPort} must do: read back what {@link ProvisioningPort} wrote. */
public abstract class BrandSetupReadContract {
    protected abstract ProvisioningPort provisioning();

    protected abstract BrandSetupReadPort setup();

    private final BrandId brand = new BrandId("S" + UUID.randomUUID().toString().substring(0, 8));
    private final BrandId other = new BrandId("T" + UUID.randomUUID().toString().substring(0, 8));

    @Test
    void each_kind_is_read_back_in_id_order_within_the_brand_only() {
        ProvisioningPort p = provisioning();
        for (BrandId b : List.of(brand, other)) {
            p.saveBrand(new Brand(b, "Brand " + b, false));
            p.saveLocationGroup(new LocationGroup(b, new LocationGroupId("west"), "West"));
            p.saveLocationGroup(new LocationGroup(b, new LocationGroupId("east"), "East"));
            p.saveLocation(new Location(b, new LocationId("s2"), new LocationGroupId("west"), "Store 2"));
            p.saveLocation(new Location(b, new LocationId("s1"), new LocationGroupId("east"), "Store 1"));
            p.saveTerminal(new Terminal(b, new LocationId("s2"), new TerminalId("t1"), "Till"));
            p.saveTerminal(new Terminal(b, new LocationId("s1"), new TerminalId("t9"), "Till 9"));
            p.saveEmployee(new Employee(b, new LocationId("s1"), new EmployeeId("e1"), "Eve", "hash"));
            p.saveCardSet(new CardSet(b, new CardSetId("gift"), new ProgramId("p"), "Gift", "6036", 19));
        }
        BrandSetupReadPort s = setup();
        assertEquals("Brand " + brand, s.brand(brand).orElseThrow().name());
        assertEquals(List.of("east", "west"), s.locationGroups(brand).stream().map(g -> g.id().value()).toList());
        assertEquals(List.of(new Location(brand, new LocationId("s1"), new LocationGroupId("east"), "Store 1"),
                new Location(brand, new LocationId("s2"), new LocationGroupId("west"), "Store 2")), s.locations(brand));
        assertEquals(List.of("s1/t9", "s2/t1"), s.terminals(brand).stream().map(t -> t.location() + "/" + t.id()).toList());
        assertEquals(List.of(new Employee(brand, new LocationId("s1"), new EmployeeId("e1"), "Eve", "hash")), s.employees(brand));
        assertEquals(List.of(new CardSet(brand, new CardSetId("gift"), new ProgramId("p"), "Gift", "6036", 19)), s.cardSets(brand));
        assertTrue(s.locations(new BrandId("nobody-" + UUID.randomUUID().toString().substring(0, 8))).isEmpty());
    }

    @Test
    void a_change_is_read_back_at_once() {
        provisioning().saveLocation(new Location(brand, new LocationId("s1"), new LocationGroupId("east"), "Old"));
        provisioning().saveLocation(new Location(brand, new LocationId("s1"), new LocationGroupId("west"), "New"));
        assertEquals(List.of(new Location(brand, new LocationId("s1"), new LocationGroupId("west"), "New")),
                setup().locations(brand));
    }

    @Test
    void coordinates_of_the_brand_and_its_locations_are_read_back_and_cleared() {
        GeoPoint london = new GeoPoint(51.5074, -0.1278);
        GeoPoint times = new GeoPoint(40.758, -73.9855);
        provisioning().saveBrand(new Brand(brand, "Brand", false, Optional.of(london)));
        provisioning().saveLocation(new Location(brand, new LocationId("s1"), new LocationGroupId("east"), "S1",
                Optional.of(times)));
        assertEquals(Optional.of(london), setup().brand(brand).orElseThrow().defaultCoordinates());
        assertEquals(Optional.of(times), setup().locations(brand).get(0).coordinates());

        provisioning().saveBrand(new Brand(brand, "Brand", false));
        provisioning().saveLocation(new Location(brand, new LocationId("s1"), new LocationGroupId("east"), "S1"));
        assertEquals(Optional.empty(), setup().brand(brand).orElseThrow().defaultCoordinates());
        assertEquals(Optional.empty(), setup().locations(brand).get(0).coordinates());
    }
}
