package io.tally.domain.report.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.fakes.InMemoryCardPort;
import io.tally.domain.fakes.InMemoryReportFiles;
import io.tally.domain.fakes.InMemoryReports;
import io.tally.domain.fakes.InMemorySegmentSnapshots;
import io.tally.domain.fakes.InMemorySegments;
import io.tally.domain.fakes.MutableClock;
import io.tally.domain.fakes.RecordingMail;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.segment.FilterGroup;
import io.tally.domain.segment.Segment;
import io.tally.domain.segment.SegmentId;
import io.tally.domain.segment.Visibility;
import io.tally.domain.segment.evaluation.SegmentSnapshotsPort;
import io.tally.domain.segment.evaluation.Snapshot;
import io.tally.domain.segment.evaluation.SnapshotKey;
import io.tally.domain.segment.evaluation.SnapshotPage;
import io.tally.domain.shared.SignedTokens;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The members export of a segment snapshot against a model the test keeps itself: the cards it put in the snapshot
 * (more than one page of members), each with the customer it gave the card, the segment's name as the snapshot holds
 * it and the snapshot's day; only a READY snapshot of a segment the staff member sees can be asked for (a manager:
 * by-location segments of their own locations); shards delivered twice write every row once.
 */
class SegmentMembersExportTest {
    private static final BrandId BRAND = new BrandId("ACME");
    private static final Instant NOW = Instant.parse("2027-03-02T08:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2027, 3, 1);
    private static final LocationId NORTH = new LocationId("north");
    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryCardPort cards = new InMemoryCardPort();
    private final InMemorySegments segments = new InMemorySegments();
    private final InMemorySegmentSnapshots snapshots = new InMemorySegmentSnapshots();
    private final InMemoryReports reports = new InMemoryReports();
    private final InMemoryReportFiles files = new InMemoryReportFiles();
    private final Map<ReportKind, ReportRows> rows = Map.of(ReportKind.SEGMENT_MEMBERS,
            new SegmentMemberRows(segments, snapshots, cards));
    private final ReportCenterUseCase center = new ReportCenterUseCase(reports, files, files, rows,
            new ReportLinks(SignedTokens.fromText("a-test-secret-of-at-least-32-characters")), b -> ZoneOffset.UTC, clock);
    private final ExportShardUseCase shards = new ExportShardUseCase(reports, files, rows, new RecordingMail(),
            b -> ZoneOffset.UTC, clock);
    private final StaffScope admin = StaffScope.brandWide(BRAND, new StaffId("admin"), "admin@acme.test", Role.ADMIN);
    private final StaffScope northManager = manager(NORTH);
    /** The model: each member card's row as the test made it, by card number. */
    private final Map<String, String> model = new TreeMap<>();

    @Test
    void every_member_is_exported_once_with_its_customer_the_segment_name_and_the_snapshot_day() {
        Segment segment = segment("regulars", Visibility.SHARED, Set.of());
        SnapshotKey key = readySnapshot(segment, "Regulars then", new Random(7), 2_345);
        segments.update(new Segment(BRAND, segment.id(), "Renamed since", "", Visibility.SHARED, segment.owner(),
                Set.of(), FilterGroup.all(), NOW, 2));

        ReportId id = request(admin, "r-1", key);
        deliverTwice(new Random(3));

        List<String> lines = lines(id);
        assertEquals("cardNumber,customerName,customerEmail,segment,snapshotDate", lines.get(0));
        List<String> body = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.sort(body);
        assertEquals(new ArrayList<>(model.values()), body);
        assertEquals(2_345, reports.find(BRAND, id).orElseThrow().rows());
    }

    @Test
    void only_a_ready_snapshot_of_a_segment_the_staff_member_sees_can_be_asked_for() {
        Segment north = segment("north", Visibility.PUBLIC_BY_LOCATION, Set.of(NORTH));
        Segment shared = segment("shared", Visibility.SHARED, Set.of());
        SnapshotKey northKey = readySnapshot(north, "North", new Random(1), 3);
        SnapshotKey sharedKey = readySnapshot(shared, "Shared", new Random(2), 3);
        SnapshotKey running = new SnapshotKey(BRAND, north.id(), DAY.plusDays(1), 1);
        snapshots.create(Snapshot.started(running, "North", north.rule(), NOW, ZoneOffset.UTC, Optional.empty()));

        assertEquals(Optional.empty(), center.request(northManager, export("r-2", northKey)));
        Optional<ReportCenterUseCase.Refusal> refused = Optional.of(ReportCenterUseCase.Refusal.NO_SUCH_SUBJECT);
        assertEquals(refused, center.request(northManager, export("r-3", sharedKey)), "a brand-wide segment");
        assertEquals(refused, center.request(manager(new LocationId("south")), export("r-4", northKey)), "not theirs");
        assertEquals(refused, center.request(admin, export("r-5", running)), "not READY yet");
        assertEquals(refused, center.request(admin, new ExportRequest(new ReportId("r-6"), ReportKind.SEGMENT_MEMBERS,
                DAY, DAY, Optional.empty(), Optional.empty(), Optional.empty(), "https://office.test/admin")), "no subject");
        assertEquals(refused, center.request(admin, export("r-7", new SnapshotKey(BRAND, new SegmentId("gone"), DAY, 1))));
        assertTrue(center.kinds().isEmpty(), "the Report Center's form does not offer it");
    }

    @Test
    void a_manager_cannot_export_an_older_snapshot_taken_while_the_segment_covered_the_whole_brand() {
        Segment once = segment("widened", Visibility.SHARED, Set.of());
        SnapshotKey brandWide = readySnapshot(once, "Everyone", new Random(3), 3);
        Segment now = new Segment(BRAND, once.id(), "widened", "", Visibility.PUBLIC_BY_LOCATION, new StaffId("admin"),
                Set.of(NORTH), FilterGroup.all(), NOW, 2);
        assertTrue(segments.update(now), "the segment is the north manager's now");
        SnapshotKey byLocation = readySnapshotOf(now, "North now", new Random(4), 2);

        assertEquals(Optional.of(ReportCenterUseCase.Refusal.NO_SUCH_SUBJECT),
                center.request(northManager, export("r-8", brandWide)), "its members were not held to their locations");
        assertEquals(Optional.empty(), center.request(northManager, export("r-9", byLocation)));
        assertEquals(Optional.empty(), center.request(admin, export("r-10", brandWide)), "brand-wide staff may");
    }

    private SnapshotKey readySnapshot(Segment segment, String name, Random random, int members) {
        segments.create(segment);
        return readySnapshotOf(segment, name, random, members);
    }

    private SnapshotKey readySnapshotOf(Segment segment, String name, Random random, int members) {
        SnapshotKey key = new SnapshotKey(BRAND, segment.id(), DAY, segment.version());
        snapshots.create(Snapshot.started(key, name, segment.rule(), DAY.atStartOfDay(ZoneOffset.UTC).toInstant(),
                ZoneOffset.UTC, Optional.empty()));
        List<CardNumber> numbers = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            String payload = String.format("6%02d%011d", segment.id().value().length(), i);
            CardNumber number = new CardNumber(payload + CardNumber.luhnCheckDigit(payload));
            boolean named = random.nextInt(4) > 0;
            Customer customer = named ? new Customer("Ann" + i, random.nextBoolean() ? "Lee" : null,
                    random.nextBoolean() ? "ann" + i + "@example.com" : null, null, null, null, null, null, null, null,
                    null, null, null) : Customer.EMPTY;
            cards.create(Card.unallocated(BRAND, number, new ProgramId("loyalty"), new CardSetId("set-1"))
                    .activated("hash", NOW.minusSeconds(86_400), Optional.of(customer)));
            numbers.add(number);
            String fullName = customer.firstName() == null ? "" : customer.firstName()
                    + (customer.lastName() == null ? "" : " " + customer.lastName());
            model.put(number.value(), String.join(",", number.value(), fullName,
                    customer.email() == null ? "" : customer.email(), name, DAY.toString()));
        }
        snapshots.list(key, 0, SnapshotPage.listed(numbers, Optional.empty()));
        snapshots.decide(key, 0, numbers, numbers.size());
        snapshots.putMembers(key, numbers);
        snapshots.recordPage(key, 0, numbers.size(), numbers.size(), true);
        snapshots.markReady(key, NOW);
        return key;
    }

    private ExportRequest export(String id, SnapshotKey key) {
        return new ExportRequest(new ReportId(id), ReportKind.SEGMENT_MEMBERS, DAY, DAY, Optional.empty(),
                Optional.empty(), Optional.empty(), "https://office.test/admin", Optional.of(SegmentMemberRows.subject(key)));
    }

    private ReportId request(StaffScope scope, String id, SnapshotKey key) {
        assertEquals(Optional.empty(), center.request(scope, export(id, key)));
        return new ReportId(id);
    }

    private void deliverTwice(Random random) {
        List<ExportShard> messages = new ArrayList<>(files.queued());
        messages.addAll(files.queued());
        Collections.shuffle(messages, random);
        messages.forEach(shards::run);
    }

    private List<String> lines(ReportId id) {
        return List.of(files.file(BRAND, id).orElseThrow().split("\r\n"));
    }

    private static Segment segment(String id, Visibility visibility, Set<LocationId> locations) {
        return new Segment(BRAND, new SegmentId(id), id, "", visibility, new StaffId("admin"), locations, FilterGroup.all(),
                NOW, 1);
    }

    private static StaffScope manager(LocationId... locations) {
        return new StaffScope(BRAND, new StaffId("mgr"), "mgr@acme.test", Role.MANAGER, Set.of(new LocationGroupId("g")),
                Optional.of(Set.of(locations)));
    }
}
