package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardLocationsPort;
import io.tally.domain.card.CardNumber;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link CardLocationsPort} must do. Subclass it per implementation (in-memory fake, DynamoDB adapter). */
public abstract class CardLocationsContract {
    protected abstract CardLocationsPort port();

    private final BrandId brand = ContractData.freshBrand();
    private final LocationId north = new LocationId("north-1");
    private final LocationId south = new LocationId("south-1");

    @Test
    void a_card_is_linked_to_each_location_it_was_used_at_once_however_often_it_is_told() {
        CardNumber card = ContractData.freshCard();
        port().link(brand, card, north);
        port().link(brand, card, north);
        port().link(brand, card, south);

        assertEquals(Set.of(north, south), port().locations(brand, card));
    }

    @Test
    void a_card_never_used_anywhere_or_of_another_brand_has_no_locations() {
        CardNumber card = ContractData.freshCard();
        assertTrue(port().locations(brand, card).isEmpty());

        port().link(brand, card, north);
        assertTrue(port().locations(ContractData.freshBrand(), card).isEmpty(), "another brand sees nothing");
    }
}
