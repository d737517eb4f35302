package io.tally.lambda.merchant;

import static io.tally.lambda.merchant.MerchantHarness.j;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.shared.GeoPoint;
import io.tally.domain.tenant.Location;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * updateAccount's extensions for segments: a customer's latitude/longitude and the card's owningLocation, checked (error
 * 1 with a sentence) and stored; allocate makes the call's location the new card's owner.
 */
class CoordinatesApiTest {
    private final MerchantHarness h = new MerchantHarness();
    private final String card = h.world.activeCard().value();

    private MerchantHarness.Response update(String fields) {
        return h.call("updateAccount", j("{'cardNumber':'" + card + "'," + fields + "}"));
    }

    private Card stored(String number) {
        return h.world.cards.load(TestWorld.BRAND, new CardNumber(number)).orElseThrow();
    }

    @Test
    void address_coordinates_are_stored_as_numbers_or_numeric_text_and_dropped_when_the_address_moves() {
        var r = update("'primaryCustomer':{'address1':'350 W 31st St','latitude':40.7506,'longitude':-73.9935}");
        assertTrue(r.ok(), r.raw());
        assertEquals(new GeoPoint(40.7506, -73.9935), stored(card).primaryCustomer().orElseThrow().addressPoint());

        assertTrue(update("'primaryCustomer':{'latitude':'-33.8688','longitude':'151.2093'}").ok());
        assertEquals(new GeoPoint(-33.8688, 151.2093), stored(card).primaryCustomer().orElseThrow().addressPoint());

        assertTrue(update("'primaryCustomer':{'firstName':'Ann'}").ok());
        assertEquals(new GeoPoint(-33.8688, 151.2093), stored(card).primaryCustomer().orElseThrow().addressPoint(),
                "the address did not change");
        assertTrue(update("'primaryCustomer':{'address1':'1 Other St'}").ok());
        assertNull(stored(card).primaryCustomer().orElseThrow().addressPoint(), "a moved address loses its coordinates");
    }

    @Test
    void bad_coordinates_are_error_1_with_the_reason_and_change_nothing() {
        long version = stored(card).version();
        List<String[]> cases = List.of(
                new String[] {"'primaryCustomer':{'latitude':91,'longitude':0}",
                        "primaryCustomer: latitude is a number from -90 to 90 (decimal degrees)."},
                new String[] {"'alternateCustomer':{'latitude':0,'longitude':-180.5}",
                        "alternateCustomer: longitude is a number from -180 to 180 (decimal degrees)."},
                new String[] {"'primaryCustomer':{'latitude':40.7}",
                        "primaryCustomer: give both latitude and longitude, or neither."},
                new String[] {"'primaryCustomer':{'latitude':'north','longitude':'west'}",
                        "primaryCustomer: latitude is a number from -90 to 90 (decimal degrees)."},
                new String[] {"'primaryCustomer':{'latitude':true,'longitude':1}",
                        "primaryCustomer.latitude must be a string."});
        for (String[] c : cases) {
            var r = update(c[0]);
            assertEquals(1, r.code(), r.raw());
            assertEquals(c[1], r.message(), r.raw());
        }
        assertEquals(version, stored(card).version());
    }

    @Test
    void the_owning_location_is_one_of_the_brand_s_locations() {
        h.world.programs.saveLocation(new Location(TestWorld.OTHER_BRAND, new LocationId("theirs"), new LocationGroupId("ALL"),
                null));
        for (String other : List.of("nowhere", "theirs", "not an id!")) {
            var r = update("'owningLocation':'" + other + "'");
            assertEquals(1, r.code(), r.raw());
            assertEquals("owningLocation: the brand has no location " + other + ".", r.message(), r.raw());
        }
        assertEquals(Optional.empty(), stored(card).owningLocation());

        assertTrue(update("'owningLocation':'store-1'").ok());
        assertEquals(Optional.of(new LocationId("store-1")), stored(card).owningLocation());
        assertTrue(update("'owningLocation':null,'customData':{'x':'1'}").ok());
        assertEquals(Optional.of(new LocationId("store-1")), stored(card).owningLocation(), "null keeps it");
    }

    @Test
    void allocate_makes_the_calls_location_the_owner() {
        h.world.poolCard(TestWorld.BRAND);
        var r = h.call("allocate", j("{'cardSetId':'" + TestWorld.SET.value() + "'}"));
        assertTrue(r.ok(), r.raw());
        assertEquals(Optional.of(new LocationId("store-1")), stored(r.get("cardNumber").asText()).owningLocation());
    }
}
