package io.tally.dynamo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.Customer;
import io.tally.domain.contract.ContractData;
import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.segment.BrandCardsPort;
import io.tally.domain.segment.BrandCardsPort.CardsPage;
import io.tally.domain.shared.GeoPoint;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.Location;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What segments read on dynalite: the brand's cards a page at a time (A88), and the coordinates they need. */
@ExtendWith(DynaliteExtension.class)
class DynamoSegmentFactsIT {
    private static final ProgramId PROGRAM = new ProgramId("loyalty");
    private final BrandId brand = ContractData.freshBrand();
    private DynamoStorage storage;

    @BeforeEach
    void storage(DynamoTestTable table) {
        storage = new DynamoStorage(table.client(), table.tableName());
    }

    @Test
    void pages_cover_every_handed_out_card_of_every_card_set_once_in_order_and_no_pool_card() {
        List<CardNumber> handedOut = new ArrayList<>();
        handedOut.addAll(cards("set-a", 3, 2));
        handedOut.addAll(cards("set-b", 4, 1));
        cards("empty", 0, 2);
        cards(ContractData.freshBrand(), "set-a", 2, 0);

        for (int limit : new int[] {1, 2, 3, 7, 8, 100}) {
            List<CardNumber> seen = new ArrayList<>();
            Optional<String> cursor = Optional.empty();
            int pages = 0;
            do {
                CardsPage page = storage.brandCards().page(brand, cursor, limit);
                assertTrue(page.cards().size() <= limit);
                page.cards().forEach(c -> seen.add(c.number()));
                cursor = page.next();
                pages++;
            } while (cursor.isPresent() && pages < 20);
            assertEquals(handedOut, seen, "limit " + limit);
        }
    }

    @Test
    void a_brand_without_card_sets_has_one_empty_page() {
        assertEquals(new CardsPage(List.of(), Optional.empty()), storage.brandCards().page(brand, Optional.empty(),
                BrandCardsPort.MAX_PAGE));
    }

    @Test
    void coordinates_of_locations_and_addresses_and_a_cards_owning_location_are_kept() {
        Location store = new Location(brand, new LocationId("store-1"), new LocationGroupId("all"), "Store",
                Optional.of(new GeoPoint(51.5074, -0.1278)));
        storage.provisioning().saveLocation(store);
        assertEquals(List.of(store), storage.brandSetup().locations(brand));

        CardPort cards = storage.cards();
        Card card = Card.unallocated(brand, ContractData.freshCard(), PROGRAM, new CardSetId("s"));
        cards.create(card);
        Customer ann = new Customer("Ann", null, null, null, "1 High St", null, "London", null, null, "GB", null, null,
                new GeoPoint(-33.8688, 151.2093));
        Card activated = card.activated("hash", Instant.parse("2027-02-28T12:00:00Z"), Optional.of(ann));
        assertEquals(CardPort.WriteOutcome.WRITTEN, cards.allocate(activated));
        Card owned = activated.withOwningLocation(Optional.of(store.id()));
        assertEquals(CardPort.WriteOutcome.WRITTEN, cards.update(owned));

        assertEquals(owned, cards.load(brand, card.number()).orElseThrow());
        assertEquals(Optional.of(new GeoPoint(-33.8688, 151.2093)),
                cards.load(brand, card.number()).flatMap(Card::primaryCustomer).map(Customer::addressPoint));
    }

    private List<CardNumber> cards(String set, int allocated, int pool) {
        return cards(brand, set, allocated, pool);
    }

    /** A card set with {@code allocated} handed-out cards (returned in number order) and {@code pool} waiting ones. */
    private List<CardNumber> cards(BrandId owner, String set, int allocated, int pool) {
        storage.provisioning().saveCardSet(new CardSet(owner, new CardSetId(set), PROGRAM, set, "9", 19));
        List<CardNumber> out = new ArrayList<>();
        for (int i = 0; i < allocated + pool; i++) {
            Card c = Card.unallocated(owner, ContractData.freshCard(), PROGRAM, new CardSetId(set));
            storage.cards().create(c);
            if (i < allocated) {
                storage.cards().allocate(c.activated("hash", Instant.parse("2027-01-01T00:00:00Z")));
                out.add(c.number());
            }
        }
        out.sort(null);
        return out;
    }
}
