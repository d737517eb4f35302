package io.tally.domain.report.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.communication.CardMailing;
import io.tally.domain.delivery.DeliveryStatsPort;
import io.tally.domain.delivery.RecordDeliveryUseCase;
import io.tally.domain.fakes.InMemoryCardLocations;
import io.tally.domain.fakes.InMemoryDeliveryStats;
import io.tally.domain.fakes.InMemoryReportFiles;
import io.tally.domain.fakes.InMemoryReports;
import io.tally.domain.fakes.InMemorySegmentSnapshots;
import io.tally.domain.fakes.InMemorySegments;
import io.tally.domain.fakes.MemberWorld;
import io.tally.domain.fakes.RecordingMail;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.PreferencesPort.Choice;
import io.tally.domain.member.PreferencesPort.Source;
import io.tally.domain.portal.SubscriptionList;
import io.tally.domain.report.export.ReportCenterUseCase.Refusal;
import io.tally.domain.segment.FilterGroup;
import io.tally.domain.segment.Segment;
import io.tally.domain.segment.SegmentId;
import io.tally.domain.segment.Visibility;
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
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The direct mail export: a list's members with a complete postal address, opted-out members left out, formula-like
 * values defused, a manager's export holding the cards used at their locations, and a list narrowed by a READY
 * segment snapshot; shards delivered twice write every row once.
 */
class DirectMailExportTest {
    private static final BrandId BRAND = TestWorld.BRAND;
    private static final LocationId NORTH = new LocationId("north");
    private static final LocalDate DAY = LocalDate.of(2025, 1, 1);
    private final MemberWorld m = new MemberWorld();
    private final TestWorld w = m.world;
    private final InMemoryCardLocations locations = new InMemoryCardLocations();
    private final InMemorySegments segments = new InMemorySegments();
    private final InMemorySegmentSnapshots snapshots = new InMemorySegmentSnapshots();
    private final InMemoryReports reports = new InMemoryReports();
    private final InMemoryReportFiles files = new InMemoryReportFiles();
    private final Map<ReportKind, ReportRows> rows = Map.of(ReportKind.DIRECT_MAIL, new DirectMailRows(m.stores,
            m.stores, w.programs, w.cards, locations, segments, snapshots));
    private final ReportCenterUseCase center = new ReportCenterUseCase(reports, files, files, rows,
            new ReportLinks(SignedTokens.fromText("a-test-secret-of-at-least-32-characters")), b -> ZoneOffset.UTC,
            w.clock);
    private final InMemoryDeliveryStats deliveryStats = new InMemoryDeliveryStats();
    private final ExportShardUseCase shards = new ExportShardUseCase(reports, files, rows, new RecordingMail(),
            b -> ZoneOffset.UTC, w.clock, new DirectMailSends(new RecordDeliveryUseCase(deliveryStats,
                    RecordDeliveryUseCase.Actions.NONE, b -> ZoneOffset.UTC, w.clock)));
    private final StaffScope admin = StaffScope.brandWide(BRAND, new StaffId("admin"), "admin@acme.test", Role.ADMIN);
    private final StaffScope northManager = new StaffScope(BRAND, new StaffId("mgr"), "mgr@acme.test", Role.MANAGER,
            Set.of(new LocationGroupId("g")), Optional.of(Set.of(NORTH)));
    private final CardNumber noEmail;
    private final CardNumber subscribed;
    private final CardNumber unsubscribed;
    private final CardNumber incomplete;
    private final CardNumber formula;

    DirectMailExportTest() {
        m.stores.save(m.config);
        noEmail = card(new Customer("Ada", "Lovelace", null, null, "1 Main St", null, "Springfield", "IL", "62701", "US",
                null, null, null));
        subscribed = card(new Customer("Bob", null, "bob@example.com", null, "2 High St", "Flat 3", "London", null,
                "N1 9GU", "GB", null, null, null));
        unsubscribed = card(new Customer("Cy", "Young", "cy@example.com", null, "3 Elm St", null, "Dayton", "OH",
                "45402", "US", null, null, null));
        incomplete = card(new Customer("Di", "Prince", "di@example.com", null, "4 Oak St", null, "Boston", "MA", null,
                "US", null, null, null));
        formula = card(new Customer("=HYPERLINK(\"http://x.test\")", "Evil", "eve@example.com", null, "5 Pine St",
                null, "Austin", "TX", "73301", "US", null, null, null));
        choose("bob@example.com", "news", true);
        choose("cy@example.com", "news", false);
        choose("eve@example.com", "news", true);
        locations.link(BRAND, subscribed, NORTH);
        locations.link(BRAND, noEmail, new LocationId("south"));
    }

    @Test
    void a_lists_members_with_a_complete_address_are_exported_once_and_opted_out_ones_not() {
        List<String> news = export(admin, "r-1", "news");
        assertEquals("cardNumber,name,address1,address2,city,region,postalCode,country,list", news.get(0));
        assertEquals(sorted(List.of(
                subscribed.value() + ",Bob,2 High St,Flat 3,London,,N1 9GU,GB,news",
                formula.value() + ",\"'=HYPERLINK(\"\"http://x.test\"\") Evil\",5 Pine St,,Austin,TX,73301,US,news")),
                news.subList(1, news.size()), "opted in by e-mail; Ada never chose (off by default), Cy left, Di incomplete");

        List<String> account = export(admin, "r-2", "account");
        assertEquals(sorted(List.of(noEmail.value(), subscribed.value(), unsubscribed.value(), formula.value())),
                account.subList(1, account.size()).stream().map(l -> l.split(",")[0]).toList(),
                "the transactional list holds every complete address");

        List<String> invitations = export(admin, "r-3", "invitations");
        assertTrue(invitations.stream().anyMatch(l -> l.startsWith(noEmail.value() + ",Ada Lovelace,")),
                "a list on by default holds who never chose: " + invitations);
    }

    @Test
    void a_ready_export_counts_its_addresses_as_the_direct_mail_channels_send_requests_once() {
        List<String> news = export(admin, "r-8", "news"); // every shard message delivered twice
        List<String> account = export(admin, "r-9", "account");
        LocalDate today = LocalDate.ofInstant(w.clock.instant(), ZoneOffset.UTC);
        Map<String, Long> sent = new TreeMap<>();
        for (DeliveryStatsPort.Row row : deliveryStats.load(BRAND, today, today)) {
            assertEquals(CardMailing.Channel.DIRECT_MAIL, row.counter().channel());
            assertEquals(Optional.empty(), row.counter().location());
            sent.merge(row.counter().mailing(), row.figures().sendRequests(), Long::sum);
        }
        assertEquals(Map.of("dm-r-8", (long) news.size() - 1, "dm-r-9", (long) account.size() - 1), sent,
                "the addresses exported (the header is no address), counted once however often shards arrive");
        assertEquals(0, deliveryStats.pendingMarkers());
    }

    @Test
    void a_managers_export_holds_only_the_cards_used_at_their_locations() {
        List<String> account = export(northManager, "r-4", "account");
        assertEquals(List.of(subscribed.value()), account.subList(1, account.size()).stream()
                .map(l -> l.split(",")[0]).toList());
    }

    @Test
    void a_list_narrowed_by_a_ready_snapshot_holds_only_its_members_on_the_list() {
        SnapshotKey key = readySnapshot(List.of(noEmail, subscribed, unsubscribed, incomplete));
        List<String> news = export(admin, "r-5", DirectMailRows.subject("news", Optional.of(key)));
        assertEquals(List.of(subscribed.value()), news.subList(1, news.size()).stream()
                .map(l -> l.split(",")[0]).toList());
        List<String> account = export(admin, "r-6", DirectMailRows.subject("account", Optional.of(key)));
        assertEquals(sorted(List.of(noEmail.value(), subscribed.value(), unsubscribed.value())),
                account.subList(1, account.size()).stream().map(l -> l.split(",")[0]).toList());
        assertEquals(Optional.of(Refusal.NO_SUCH_SUBJECT), center.request(northManager, request("r-7",
                DirectMailRows.subject("account", Optional.of(key)))), "a brand-wide segment is not a manager's");
    }

    @Test
    void an_unknown_or_archived_list_or_no_list_is_refused() {
        m.stores.save(m.config.withLists(List.of(new SubscriptionList("account", "Account messages", true, true),
                new SubscriptionList("news", "News", false, false, true),
                new SubscriptionList("invitations", "Invitations from friends", false, true))));
        Optional<Refusal> refused = Optional.of(Refusal.NO_SUCH_SUBJECT);
        assertEquals(refused, center.request(admin, request("r-8", "news")), "archived");
        assertEquals(refused, center.request(admin, request("r-9", "nope")));
        assertEquals(refused, center.request(admin, new ExportRequest(new ReportId("r-10"), ReportKind.DIRECT_MAIL, DAY,
                DAY, Optional.empty(), Optional.empty(), Optional.empty(), "https://office.test/admin")));
    }

    private List<String> export(StaffScope scope, String id, String subject) {
        assertEquals(Optional.empty(), center.request(scope, request(id, subject)));
        List<ExportShard> messages = new ArrayList<>(files.queued().stream()
                .filter(s -> s.report().value().equals(id)).toList());
        messages.addAll(List.copyOf(messages));
        messages.forEach(shards::run);
        List<String> lines = new ArrayList<>(List.of(files.file(BRAND, new ReportId(id)).orElseThrow().split("\r\n")));
        List<String> body = sorted(lines.subList(1, lines.size()));
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        out.addAll(body);
        return out;
    }

    private static ExportRequest request(String id, String subject) {
        return new ExportRequest(new ReportId(id), ReportKind.DIRECT_MAIL, DAY, DAY, Optional.empty(), Optional.empty(),
                Optional.empty(), "https://office.test/admin", Optional.of(subject));
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        Collections.sort(copy);
        return copy;
    }

    private CardNumber card(Customer customer) {
        CardNumber number = w.activeCard();
        Card card = w.cards.load(BRAND, number).orElseThrow();
        w.cards.update(card.withProfile(Optional.empty(), Optional.of(customer), Optional.empty(), Map.of(), Map.of(),
                Map.of(), card.enrolledAt()));
        return number;
    }

    private void choose(String email, String list, boolean on) {
        m.stores.choose(BRAND, ContactKey.email(email), new Choice(list, on, w.clock.instant(), Source.PAGE));
    }

    private SnapshotKey readySnapshot(List<CardNumber> numbers) {
        Segment segment = new Segment(BRAND, new SegmentId("regulars"), "Regulars", "", Visibility.SHARED,
                new StaffId("admin"), Set.of(), FilterGroup.all(), Instant.EPOCH, 1);
        segments.create(segment);
        SnapshotKey key = new SnapshotKey(BRAND, segment.id(), DAY, segment.version());
        snapshots.create(Snapshot.started(key, "Regulars", segment.rule(), DAY.atStartOfDay(ZoneOffset.UTC).toInstant(),
                ZoneOffset.UTC, Optional.empty()));
        snapshots.list(key, 0, SnapshotPage.listed(numbers, Optional.empty()));
        snapshots.decide(key, 0, numbers, numbers.size());
        snapshots.putMembers(key, numbers);
        snapshots.recordPage(key, 0, numbers.size(), numbers.size(), true);
        snapshots.markReady(key, w.clock.instant());
        return key;
    }
}
