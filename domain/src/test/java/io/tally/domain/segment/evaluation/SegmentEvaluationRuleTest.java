package io.tally.domain.segment.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tally.domain.backoffice.SetupAudit;
import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.fakes.InMemoryAuditLog;
import io.tally.domain.fakes.InMemoryCardPort;
import io.tally.domain.fakes.InMemorySegmentSnapshots;
import io.tally.domain.fakes.InMemorySegments;
import io.tally.domain.fakes.MutableClock;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.segment.Bounds;
import io.tally.domain.segment.BrandCardsPort;
import io.tally.domain.segment.FilterGroup;
import io.tally.domain.segment.MemberFacts;
import io.tally.domain.segment.MemberStatistics;
import io.tally.domain.segment.Segment;
import io.tally.domain.segment.SegmentFilter;
import io.tally.domain.segment.SegmentId;
import io.tally.domain.segment.Visibility;
import io.tally.domain.shared.GeoPoint;
import io.tally.domain.staff.StaffId;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The job evaluates a segment with the segment's own rule, fixed at the start: a by-location segment holds only the
 * cards used at one of its locations, and owning-location proximity measures from the brand's default coordinates
 * when the owning location has none, as the live count does. Expected members are written out by hand.
 */
class SegmentEvaluationRuleTest {
    private static final BrandId BRAND = new BrandId("ACME");
    private static final Instant START = Instant.parse("2027-03-01T10:00:00Z");
    private static final LocationId NORTH = new LocationId("north");
    private static final LocationId SOUTH = new LocationId("south");
    /** 0.01 degree of latitude north of the default point: 1,112 m on the 6,371.0088 km sphere. */
    private static final GeoPoint DEFAULT = new GeoPoint(51.5, -0.1);
    private static final GeoPoint NEAR_DEFAULT = new GeoPoint(51.51, -0.1);

    @Test
    void a_by_location_segments_snapshot_holds_only_cards_used_at_its_locations() {
        List<MemberFacts> world = List.of(facts(1, Set.of(NORTH)), facts(2, Set.of(SOUTH)), facts(3, Set.of()),
                facts(4, Set.of(SOUTH, NORTH)));
        Segment byLocation = segment(Visibility.PUBLIC_BY_LOCATION, Set.of(NORTH), FilterGroup.all());

        assertEquals(numbers(1, 4), evaluate(byLocation, world, Optional.empty()));
    }

    @Test
    void a_private_by_location_segments_snapshot_holds_only_cards_used_at_its_locations() {
        List<MemberFacts> world = List.of(facts(1, Set.of(NORTH)), facts(2, Set.of(SOUTH)));
        Segment byLocation = segment(Visibility.PRIVATE_BY_LOCATION, Set.of(SOUTH), FilterGroup.all());

        assertEquals(numbers(2), evaluate(byLocation, world, Optional.empty()));
    }

    @Test
    void owning_location_proximity_measures_from_the_brands_default_coordinates_fixed_at_the_start() {
        List<MemberFacts> world = List.of(facts(1, Set.of(), Optional.of(NEAR_DEFAULT)), facts(2, Set.of()));
        Segment near = segment(Visibility.SHARED, Set.of(),
                FilterGroup.all(new SegmentFilter.OwningLocationProximity(Bounds.between(1_000, 1_200))));

        assertEquals(numbers(1), evaluate(near, world, Optional.of(DEFAULT)), "1,112 m from the default point");
        Segment unknown = segment(Visibility.SHARED, Set.of(),
                FilterGroup.all(new SegmentFilter.OwningLocationProximity(Bounds.between(-1, -1))));
        assertEquals(numbers(1, 2), evaluate(unknown, world, Optional.empty()), "no default: every distance unknown");
    }

    private static Set<String> evaluate(Segment segment, List<MemberFacts> world, Optional<GeoPoint> defaultPoint) {
        InMemorySegments segments = new InMemorySegments();
        segments.create(segment);
        InMemorySegmentSnapshots store = new InMemorySegmentSnapshots();
        InMemoryCardPort cards = new InMemoryCardPort();
        world.forEach(f -> cards.create(f.card()));
        List<EvaluatePage> queue = new ArrayList<>();
        Map<CardNumber, MemberFacts> byNumber = world.stream().collect(Collectors.toMap(f -> f.card().number(), f -> f));
        BrandCardsPort pages = (brand, cursor, limit) -> new BrandCardsPort.CardsPage(
                world.stream().map(MemberFacts::card).toList(), Optional.empty());
        MutableClock clock = new MutableClock(START);
        SegmentEvaluationUseCase job = new SegmentEvaluationUseCase(segments, store, pages,
                page -> page.stream().map(c -> byNumber.get(c.number())).toList(), cards, queue::add,
                b -> ZoneOffset.UTC, b -> defaultPoint,
                new SetupAudit(new InMemoryAuditLog(), new SeededRandom(1), clock), clock);
        SnapshotKey key = job.start(segment).key();
        while (!queue.isEmpty()) {
            job.evaluatePage(queue.remove(0));
        }
        assertEquals(SnapshotStatus.READY, store.find(key).orElseThrow().status());
        return store.members(key, Optional.empty(), SegmentSnapshotsPort.MAX_MEMBERS_PAGE).members().stream()
                .map(CardNumber::value).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Segment segment(Visibility visibility, Set<LocationId> locations, FilterGroup filters) {
        return new Segment(BRAND, new SegmentId("seg-1"), "Near", "", visibility, new StaffId("admin"), locations,
                filters, START, 1);
    }

    private static Set<String> numbers(int... ids) {
        return Arrays.stream(ids).mapToObj(SegmentEvaluationRuleTest::number).map(CardNumber::value)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static CardNumber number(int i) {
        String payload = String.format("4000%010d", i);
        return new CardNumber(payload + CardNumber.luhnCheckDigit(payload));
    }

    private static MemberFacts facts(int i, Set<LocationId> usedAt) {
        return facts(i, usedAt, Optional.empty());
    }

    private static MemberFacts facts(int i, Set<LocationId> usedAt, Optional<GeoPoint> address) {
        Card card = Card.unallocated(BRAND, number(i), new ProgramId("loyalty"), new CardSetId("set-1"))
                .activated("hash", START.minusSeconds(86_400), Optional.of(Customer.EMPTY));
        return new MemberFacts(card, Map.of(), Optional.empty(), MemberStatistics.NONE, List.of(), 0, address,
                Optional.empty(), usedAt);
    }
}
