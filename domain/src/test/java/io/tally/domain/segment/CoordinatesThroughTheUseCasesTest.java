package io.tally.domain.segment;

import static io.tally.domain.fakes.TestWorld.BRAND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.backoffice.BrandSetupUseCase;
import io.tally.domain.backoffice.SetupChange;
import io.tally.domain.card.AllocateCardUseCase.AllocateCardCommand;
import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.fakes.InMemoryAuditLog;
import io.tally.domain.fakes.InMemorySegments;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.ledger.UpdateAccountUseCase;
import io.tally.domain.ledger.UpdateAccountUseCase.UpdateAccountCommand;
import io.tally.domain.segment.SegmentUseCase.Details;
import io.tally.domain.shared.Backoff;
import io.tally.domain.shared.GeoPoint;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.RetryPolicy;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.Brand;
import io.tally.domain.tenant.LocationId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Coordinates set the way a brand sets them (the back office's location setup and brand settings, the merchant API's
 * updateAccount and allocate) reach the segment count: address proximity and owning-location proximity select the
 * cards they should, the brand's default coordinates stand in for an owning location without any, and -1 is what is
 * left unknown.
 */
class CoordinatesThroughTheUseCasesTest {
    private static final StaffScope ADMIN = StaffScope.brandWide(BRAND, new StaffId("admin"), "a@example.com", Role.ADMIN);
    private static final GeoPoint PENN_STATION = new GeoPoint(40.7506, -73.9935);
    private static final GeoPoint BIG_BEN = new GeoPoint(51.5007, -0.1246);
    private static final GeoPoint PARIS = new GeoPoint(48.8566, 2.3522);
    private final TestWorld w = new TestWorld();
    private final BrandSetupUseCase setup = new BrandSetupUseCase(w.programs, w.programs, new InMemoryAuditLog(), w.random,
            w.clock);
    private final UpdateAccountUseCase account = new UpdateAccountUseCase(w.cards, w.writer, RetryPolicy.of(8, Backoff.NONE),
            w.portals, w.programs);
    private final List<CardNumber> cards = new ArrayList<>();

    @Test
    void segments_count_the_cards_by_the_coordinates_the_brand_set() {
        w.programs.saveBrand(new Brand(BRAND, "Acme", false));
        setup.saveGroup(ADMIN, SetupChange.CREATE, "all", "All").value();
        setup.saveLocation(ADMIN, SetupChange.CREATE, "times-sq", "all", "Times Square", "40.7580", "-73.9855").value();
        setup.saveLocation(ADMIN, SetupChange.CREATE, "no-coords", "all", "Pop-up", "", "").value();
        setup.saveDefaultCoordinates(ADMIN, "51.5074", "-0.1278").value();

        CardNumber handedOutInNewYork = allocatedAt("times-sq");
        update(handedOutInNewYork, address("1 Main St", PENN_STATION), Optional.empty());
        CardNumber ownedByPopUp = w.activeCard();
        update(ownedByPopUp, address("2 Main St", BIG_BEN), Optional.of("no-coords"));
        CardNumber noOwner = w.activeCard();
        update(noOwner, address("3 Rue", PARIS), Optional.empty());
        CardNumber noAddressPoint = allocatedAt("times-sq");
        update(noAddressPoint, address("4 Main St", null), Optional.empty());
        CardNumber moved = allocatedAt("times-sq");
        update(moved, address("5 Main St", PENN_STATION), Optional.empty());
        update(moved, address("6 Other St", null), Optional.empty());
        cards.addAll(List.of(handedOutInNewYork, ownedByPopUp, noOwner, noAddressPoint, moved));

        assertEquals(Optional.of(new LocationId("times-sq")), card(handedOutInNewYork).owningLocation(),
                "allocate makes the location handing the card out its owner");
        assertNull(card(moved).primaryCustomer().orElseThrow().addressPoint(),
                "a changed address without coordinates drops the old ones");
        assertEquals(1, count(Map.of("type", "address", "circles", "40.7580,-73.9855,2000")), "only Penn Station");
        assertEquals(2, count(Map.of("type", "owning-location", "min", "0", "max", "2000")),
                "Penn Station to Times Square; Big Ben to the default (the pop-up has no coordinates)");
        assertEquals(1, count(Map.of("type", "owning-location", "min", "100000")), "Paris to the default (London)");
        assertEquals(2, count(Map.of("type", "owning-location", "min", "-1", "max", "-1")), "no address point: -1");
    }

    @Test
    void an_owning_location_of_no_location_of_the_brand_is_refused_and_writes_nothing() {
        setup.saveGroup(ADMIN, SetupChange.CREATE, "all", "All").value();
        setup.saveLocation(ADMIN, SetupChange.CREATE, "mine", "all", "Mine").value();
        CardNumber card = w.activeCard();
        long version = card(card).version();

        Outcome<Card> refused = account.update(command(card, Optional.empty(), Optional.of("elsewhere")));

        assertEquals("owningLocation: the brand has no location elsewhere.",
                ((Outcome.Rejected<Card>) refused).rejection().detail());
        assertEquals(version, card(card).version());
        assertTrue(account.update(command(card, Optional.empty(), Optional.of("mine"))).isAccepted());
        assertEquals(Optional.of(new LocationId("mine")), card(card).owningLocation());
    }

    private long count(Map<String, String> filter) {
        SegmentUseCase segments = new SegmentUseCase(new InMemorySegments(), (brand, cursor, limit) ->
                new BrandCardsPort.CardsPage(cards.stream().map(this::card).toList(), Optional.empty()),
                new LedgerMemberFacts(w.ledger, w.cards, w.programs, c -> MemberStatistics.NONE, w.clock),
                b -> ZoneOffset.UTC, b -> w.programs.brand(b).flatMap(Brand::defaultCoordinates), new InMemoryAuditLog(),
                w.random, w.clock);
        Segment s = segments.create(ADMIN, new Details("Near", "", "PRIVATE", "", "AND")).value();
        Segment filtered = segments.addFilter(ADMIN, s.id().value(), 0, "AND", filter).value();
        return segments.count(ADMIN, filtered).matched();
    }

    private CardNumber allocatedAt(String location) {
        CardNumber pool = w.poolCard(BRAND);
        return w.allocate.allocate(new AllocateCardCommand(BRAND, Optional.empty(), Optional.of(pool), Optional.empty(),
                Optional.empty(), Optional.of(new LocationId(location)))).value().card().number();
    }

    private static Customer address(String line, GeoPoint point) {
        return new Customer(null, null, null, null, line, null, "Town", null, null, null, null, null, point);
    }

    private void update(CardNumber card, Customer customer, Optional<String> owner) {
        account.update(command(card, Optional.of(customer), owner)).value();
    }

    private UpdateAccountCommand command(CardNumber card, Optional<Customer> customer, Optional<String> owner) {
        return new UpdateAccountCommand(TestWorld.context(), w.info(), card, customer, Optional.empty(), Map.of(), Map.of(),
                Map.of(), Optional.empty(), false, Optional.empty(), owner.map(LocationId::new));
    }

    private Card card(CardNumber number) {
        return w.cards.load(BRAND, number).orElseThrow();
    }
}
