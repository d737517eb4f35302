package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.segment.FilterGroup;
import io.tally.domain.segment.SegmentId;
import io.tally.domain.segment.SegmentRule;
import io.tally.domain.segment.Visibility;
import io.tally.domain.segment.evaluation.SegmentSnapshotsPort;
import io.tally.domain.segment.evaluation.SegmentSnapshotsPort.MembersPage;
import io.tally.domain.segment.evaluation.SegmentSnapshotsPort.Recorded;
import io.tally.domain.segment.evaluation.Snapshot;
import io.tally.domain.segment.evaluation.SnapshotKey;
import io.tally.domain.segment.evaluation.SnapshotPage;
import io.tally.domain.segment.evaluation.SnapshotStatus;
import io.tally.domain.shared.GeoPoint;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What every {@link SegmentSnapshotsPort} must do. Subclass it per implementation (in-memory fake, DynamoDB adapter). */
public abstract class SegmentSnapshotsContract {
    protected abstract SegmentSnapshotsPort port();

    private final BrandId brand = ContractData.freshBrand();
    private final SegmentId segment = new SegmentId("seg-contract");
    private final SnapshotKey day1 = new SnapshotKey(brand, segment, LocalDate.of(2026, 12, 1), 3);
    private final SnapshotKey day2 = new SnapshotKey(brand, segment, LocalDate.of(2026, 12, 2), 3);
    private static final Instant AT = Instant.parse("2026-12-01T04:00:00Z");

    private Snapshot started(SnapshotKey key) {
        return Snapshot.started(key, "Regulars", new SegmentRule(key.brand(), Visibility.SHARED, Set.of(),
                SegmentsContract.everyFilter()), AT, ZoneId.of("Europe/London"), Optional.empty());
    }

    private static List<CardNumber> cards(int from, int n) {
        List<CardNumber> cards = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            String payload = String.format("6299%010d", i);
            cards.add(new CardNumber(payload + CardNumber.luhnCheckDigit(payload)));
        }
        return cards;
    }

    @Test
    void a_snapshot_is_created_once_and_keeps_its_definition_and_instant() {
        assertTrue(port().create(started(day1)));
        assertFalse(port().create(Snapshot.started(day1, "Other", new SegmentRule(brand, Visibility.SHARED, Set.of(),
                SegmentsContract.everyFilter()), AT.plusSeconds(60), ZoneId.of("UTC"), Optional.empty())));
        assertEquals(Optional.of(started(day1)), port().find(day1));
        assertEquals(Optional.empty(), port().find(day2));
    }

    @Test
    void a_snapshot_keeps_its_by_location_restriction_and_the_brands_default_coordinates() {
        Snapshot byLocation = Snapshot.started(day1, "Northside", new SegmentRule(brand, Visibility.PRIVATE_BY_LOCATION,
                Set.of(new LocationId("north"), new LocationId("east")), FilterGroup.all()), AT,
                ZoneId.of("Europe/London"), Optional.of(new GeoPoint(51.501364, -0.14189)));
        assertTrue(port().create(byLocation));
        assertEquals(Optional.of(byLocation), port().find(day1));

        port().list(day1, 0, SnapshotPage.listed(List.of(), Optional.empty()));
        port().decide(day1, 0, List.of(), 0);
        port().recordPage(day1, 0, 0, 0, true);
        port().markReady(day1, AT.plusSeconds(5));
        Snapshot ready = port().find(day1).orElseThrow();
        assertEquals(byLocation.rule(), ready.rule(), "the rule stays as the run goes");
        assertEquals(byLocation.defaultPoint(), ready.defaultPoint());
    }

    @Test
    void a_page_listing_and_its_members_are_fixed_by_the_first_writer() {
        port().create(started(day1));
        SnapshotPage first = SnapshotPage.listed(cards(0, 3), Optional.of("set-1 629900000000002"));
        assertEquals(first, port().list(day1, 0, first));
        assertEquals(first, port().list(day1, 0, SnapshotPage.listed(cards(5, 2), Optional.empty())), "the first stays");
        assertEquals(Optional.of(first), port().page(day1, 0));
        assertEquals(Optional.empty(), port().page(day1, 1));

        SnapshotPage decided = port().decide(day1, 0, cards(1, 1), 3);
        assertEquals(first.decided(cards(1, 1), 3), decided);
        assertEquals(decided, port().decide(day1, 0, cards(0, 2), 3), "the first decision stays");

        SnapshotPage empty = SnapshotPage.listed(List.of(), Optional.empty());
        assertEquals(empty, port().list(day1, 1, empty));
        assertEquals(empty.decided(List.of(), 0), port().decide(day1, 1, List.of(), 0));
    }

    @Test
    void pages_are_recorded_once_and_the_last_one_makes_it_ready() {
        port().create(started(day1));
        Recorded second = port().recordPage(day1, 1, 4, 50, true);
        assertTrue(second.recorded());
        assertEquals(Set.of(1), second.snapshot().orElseThrow().pagesDone());
        assertEquals(Optional.of(2), second.snapshot().orElseThrow().pages());
        assertFalse(port().markReady(day1, AT), "not every page is done");

        Recorded again = port().recordPage(day1, 1, 4, 50, true);
        assertFalse(again.recorded());
        assertEquals(4, again.snapshot().orElseThrow().members(), "a redelivery counts nothing");

        Recorded first = port().recordPage(day1, 0, 10, 100, false);
        Snapshot header = first.snapshot().orElseThrow();
        assertTrue(first.recorded());
        assertEquals(14, header.members());
        assertEquals(150, header.examined());
        assertTrue(header.allPagesDone());
        assertEquals(SnapshotStatus.RUNNING, header.status());

        assertTrue(port().markReady(day1, AT.plusSeconds(90)));
        assertFalse(port().markReady(day1, AT.plusSeconds(95)), "once");
        Snapshot ready = port().find(day1).orElseThrow();
        assertEquals(SnapshotStatus.READY, ready.status());
        assertEquals(Optional.of(AT.plusSeconds(90)), ready.readyAt());
        assertFalse(port().recordPage(new SnapshotKey(brand, segment, LocalDate.of(2020, 1, 1), 1), 0, 0, 0, true)
                .snapshot().isPresent(), "no such snapshot");
    }

    @Test
    void members_are_written_idempotently_and_read_back_in_pages() {
        port().create(started(day1));
        List<CardNumber> members = cards(0, 25);
        port().putMembers(day1, members.subList(0, 10));
        port().putMembers(day1, members);
        port().putMembers(day1, members.subList(5, 15));
        Set<String> read = new TreeSet<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            MembersPage page = port().members(day1, cursor, 7);
            assertTrue(page.members().size() <= 7);
            page.members().forEach(n -> assertTrue(read.add(n.value()), "each member once"));
            cursor = page.next();
            pages++;
        } while (cursor.isPresent() && pages < 100);
        assertEquals(new TreeSet<>(members.stream().map(CardNumber::value).toList()), read);
    }

    @Test
    void membership_follows_the_latest_ready_snapshot() {
        List<CardNumber> c = cards(100, 3);
        assertFalse(port().isMember(brand, segment, c.get(0)), "never evaluated: no members");
        for (SnapshotKey key : List.of(day1, day2)) {
            port().create(started(key));
            port().recordPage(key, 0, 1, 1, true);
            port().markReady(key, AT);
        }
        port().putMembers(day1, List.of(c.get(0)));
        port().putMembers(day2, List.of(c.get(1)));
        port().pointLatest(day1);
        assertTrue(port().isMember(brand, segment, c.get(0)));
        assertFalse(port().isMember(brand, segment, c.get(1)));
        assertEquals(Optional.of(day1), port().latestReady(brand, segment).map(Snapshot::key));

        port().pointLatest(day2);
        port().pointLatest(day1);
        assertEquals(Optional.of(day2), port().latestReady(brand, segment).map(Snapshot::key), "never back to an older one");
        assertFalse(port().isMember(brand, segment, c.get(0)));
        assertTrue(port().isMember(brand, segment, c.get(1)));
        assertFalse(port().isMember(brand, new SegmentId("seg-other"), c.get(1)));
        assertFalse(port().isMember(ContractData.freshBrand(), segment, c.get(1)));
    }

    @Test
    void membership_as_of_a_time_is_the_snapshot_ready_last_by_then() {
        List<CardNumber> c = cards(200, 2);
        Instant ready1 = AT.plusSeconds(3_600);
        Instant ready2 = AT.plusSeconds(90_000);
        port().create(started(day1));
        port().recordPage(day1, 0, 1, 1, true);
        port().markReady(day1, ready1);
        port().putMembers(day1, List.of(c.get(0)));
        port().create(started(day2));
        port().recordPage(day2, 0, 1, 1, true);
        port().markReady(day2, ready2);
        port().putMembers(day2, List.of(c.get(1)));
        port().pointLatest(day2);

        assertFalse(port().isMember(brand, segment, c.get(0), ready1.minusSeconds(1)), "nothing was READY yet");
        assertTrue(port().isMember(brand, segment, c.get(0), ready1));
        assertTrue(port().isMember(brand, segment, c.get(0), ready2.minusSeconds(1)), "the day-1 snapshot until day 2's");
        assertFalse(port().isMember(brand, segment, c.get(1), ready2.minusSeconds(1)));
        assertTrue(port().isMember(brand, segment, c.get(1), ready2.plusSeconds(1)));
        assertFalse(port().isMember(brand, segment, c.get(0), ready2.plusSeconds(1)));
        assertFalse(port().isMember(ContractData.freshBrand(), segment, c.get(1), ready2.plusSeconds(1)));
    }

    @Test
    void a_segments_snapshots_are_listed_newest_first() {
        SnapshotKey later = new SnapshotKey(brand, segment, LocalDate.of(2026, 12, 2), 12);
        for (SnapshotKey key : List.of(day2, day1, later)) {
            port().create(started(key));
        }
        port().create(started(new SnapshotKey(brand, new SegmentId("seg-other"), LocalDate.of(2026, 12, 3), 1)));
        assertEquals(List.of(later, day2, day1), port().list(brand, segment, 10).stream().map(Snapshot::key).toList());
        assertEquals(List.of(later), port().list(brand, segment, 1).stream().map(Snapshot::key).toList());
    }
}
