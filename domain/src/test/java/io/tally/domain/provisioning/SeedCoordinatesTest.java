package io.tally.domain.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tally.domain.fakes.InMemoryCardPort;
import io.tally.domain.fakes.InMemoryConfigStore;
import io.tally.domain.fakes.RecordingEventPublisher;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.provisioning.Seed.BrandSeed;
import io.tally.domain.provisioning.Seed.GeoSeed;
import io.tally.domain.provisioning.Seed.LocationSeed;
import io.tally.domain.shared.GeoPoint;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.Location;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SeedCoordinatesTest {
    private static final BrandId ACME = new BrandId("ACME");
    private final InMemoryConfigStore store = new InMemoryConfigStore();
    private final ApplySeedUseCase apply = new ApplySeedUseCase(store, new InMemoryCardPort(), new RecordingEventPublisher(),
            new SeededRandom(7), Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));

    private static Seed seed(GeoSeed defaults, GeoSeed location) {
        return new Seed(List.of(new BrandSeed("ACME", "Acme", false, List.of(),
                List.of(new LocationSeed("A1", null, "Main street", location), new LocationSeed("A2", null, "Kiosk")),
                List.of(), List.of(), List.of(), List.of(), null, null, null, defaults)));
    }

    private static GeoSeed geo(String latitude, String longitude) {
        return new GeoSeed(latitude == null ? null : new BigDecimal(latitude), longitude == null ? null : new BigDecimal(longitude));
    }

    @Test
    void the_seed_sets_the_brand_default_and_location_coordinates() {
        apply.apply(seed(geo("40.7128", "-74.0060"), geo("40.758", "-73.9855")), false);

        assertEquals(Optional.of(new GeoPoint(40.7128, -74.006)), store.brand(ACME).orElseThrow().defaultCoordinates());
        assertEquals(List.of(Optional.of(new GeoPoint(40.758, -73.9855)), Optional.empty()),
                store.locations(ACME).stream().map(Location::coordinates).toList());
        assertEquals(true, apply.apply(seed(geo("40.7128", "-74.0060"), geo("40.758", "-73.9855")), false).changedNothing());
    }

    @Test
    void bad_coordinates_in_the_seed_are_named_problems() {
        InvalidSeedException e = assertThrows(InvalidSeedException.class,
                () -> apply.apply(seed(geo("91", "0"), geo("40", null)), false));

        assertEquals(List.of("brand ACME, defaultCoordinates: coordinates: latitude is a number from -90 to 90 (decimal degrees).",
                "brand ACME, location A1: coordinates: give both latitude and longitude, or neither."), e.problems());
    }
}
