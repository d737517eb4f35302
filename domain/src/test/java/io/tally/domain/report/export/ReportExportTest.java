package io.tally.domain.report.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.event.ActivityLogPort;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.fakes.InMemoryConfigStore;
import io.tally.domain.fakes.InMemoryReportFiles;
import io.tally.domain.fakes.InMemoryReports;
import io.tally.domain.fakes.MutableClock;
import io.tally.domain.fakes.RecordingMail;
import io.tally.domain.shared.SignedTokens;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportExportTest {
    private static final BrandId BRAND = new BrandId("ACME");
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    private static final String[] CARDS = {"4111111111111111", "5555555555554444", "4012888888881881"};
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-10T12:00:00Z"));
    private final InMemoryConfigStore log = new InMemoryConfigStore();
    private final InMemoryReports reports = new InMemoryReports();
    private final InMemoryReportFiles files = new InMemoryReportFiles();
    private final RecordingMail mail = new RecordingMail();
    private final ReportLinks links = new ReportLinks(SignedTokens.fromText("a-test-secret-of-at-least-32-characters"));
    private final Map<ReportKind, ReportRows> rows = Map.of(ReportKind.TRANSACTIONS, new TransactionRows(log));
    private final ReportCenterUseCase center = new ReportCenterUseCase(reports, files, files, rows, links, b -> ZONE, clock);
    private final ExportShardUseCase shards = new ExportShardUseCase(reports, files, rows, mail, b -> ZONE, clock);
    private final StaffScope admin = StaffScope.brandWide(BRAND, new StaffId("admin-1"), "admin@acme.test", Role.ADMIN);
    private final StaffScope manager = new StaffScope(BRAND, new StaffId("mgr-1"), "mgr@acme.test", Role.MANAGER,
            Set.of(new LocationGroupId("NORTH")), Optional.of(Set.of(new LocationId("L1"))));

    @Test
    void an_export_holds_every_transaction_of_the_period_once_newest_first_and_mails_the_link_once() {
        List<String> expected = record(300, DAY, new Random(7));
        ReportId id = request(admin, ReportKind.TRANSACTIONS, DAY, DAY.plusDays(1));
        Report queued = reports.find(BRAND, id).orElseThrow();
        assertEquals(48, queued.shards(), "one shard per hour of the two days");
        List<ExportShard> messages = new ArrayList<>(files.queued());
        messages.addAll(files.queued());
        Collections.shuffle(messages, new Random(3));
        messages.forEach(shards::run);

        Report ready = reports.find(BRAND, id).orElseThrow();
        assertEquals(ReportStatus.READY, ready.status(clock.instant()));
        assertEquals(expected.size(), ready.rows());
        List<String> lines = lines(id);
        assertEquals("occurredAt", lines.get(0).split(",")[0]);
        assertEquals(expected, lines.subList(1, lines.size()).stream().map(l -> l.split(",")[13]).toList(),
                "every event once, newest first");
        assertEquals(1, mail.queued().stream().map(m -> m.id()).distinct().count());
        assertEquals("admin@acme.test", mail.queued().get(0).to());
        assertTrue(mail.queued().get(0).value("downloadUrl").startsWith("https://office.test/admin/reports/" + id + "/download?t="));
    }

    @Test
    void a_redelivered_shard_records_once_and_a_crash_before_the_record_writes_it_again() {
        record(50, DAY, new Random(1));
        ReportId id = request(admin, ReportKind.TRANSACTIONS, DAY, DAY);
        List<ExportShard> messages = files.queued();
        files.failNextShard();
        try {
            shards.run(messages.get(0));
        } catch (IllegalStateException crash) {
            // the consumer died while uploading: SQS redelivers
        }
        assertFalse(reports.find(BRAND, id).orElseThrow().shardDone(0));
        for (ExportShard m : messages) {
            assertEquals(ExportShardUseCase.Result.WRITTEN, shards.run(m));
            assertEquals(ExportShardUseCase.Result.SKIPPED, shards.run(m));
        }
        assertEquals(50, reports.find(BRAND, id).orElseThrow().rows());
        assertEquals(51, lines(id).size());
        assertEquals(1, files.assembled(), "completed once: the redeliveries after READY only re-send the mail");
    }

    @Test
    void a_completion_that_died_is_finished_by_a_redelivered_shard() {
        record(10, DAY, new Random(2));
        ReportId id = request(admin, ReportKind.TRANSACTIONS, DAY, DAY);
        List<ExportShard> messages = files.queued();
        files.failNextAssemble();
        ExportShard last = messages.get(messages.size() - 1);
        messages.subList(0, messages.size() - 1).forEach(shards::run);
        try {
            shards.run(last);
        } catch (IllegalStateException crash) {
            // the last shard was recorded, then its consumer died while joining the file
        }
        assertEquals(ReportStatus.RUNNING, reports.find(BRAND, id).orElseThrow().stored());
        assertTrue(mail.queued().isEmpty());
        assertEquals(ExportShardUseCase.Result.SKIPPED, shards.run(last));
        assertEquals(ReportStatus.READY, reports.find(BRAND, id).orElseThrow().stored());
        assertEquals(11, lines(id).size());
        assertEquals(1, mail.queued().size());
    }

    @Test
    void a_managers_export_holds_only_their_locations_and_only_they_see_it() {
        record(200, DAY, new Random(9));
        ReportId id = request(manager, ReportKind.TRANSACTIONS, DAY, DAY);
        files.queued().forEach(shards::run);
        List<String> lines = lines(id);
        assertTrue(lines.size() > 1);
        assertTrue(lines.subList(1, lines.size()).stream().allMatch(l -> l.split(",")[4].equals("L1")));
        assertEquals(1, center.list(manager, 10).size());
        assertEquals(1, center.list(admin, 10).size());
        StaffScope other = new StaffScope(BRAND, new StaffId("mgr-2"), "m2@acme.test", Role.MANAGER, Set.of(),
                Optional.of(Set.of(new LocationId("L1"))));
        assertTrue(center.list(other, 10).isEmpty());
        assertEquals(Optional.of(ReportCenterUseCase.Refusal.LOCATION_OUT_OF_SCOPE), center.request(manager,
                new ExportRequest(new ReportId("r-out"), ReportKind.TRANSACTIONS, DAY, DAY,
                        Optional.of(new LocationId("L2")), Optional.empty(), Optional.empty(), "https://office.test/admin")));
    }

    @Test
    void the_link_expires_with_the_report_and_opens_only_that_report() {
        record(5, DAY, new Random(4));
        ReportId id = request(admin, ReportKind.TRANSACTIONS, DAY, DAY);
        files.queued().forEach(shards::run);
        String token = reports.find(BRAND, id).orElseThrow().link().split("t=")[1];
        assertTrue(center.download(admin, id, token).isPresent());
        assertTrue(center.download(admin, id, token + "x").isEmpty(), "tampered");
        ReportId other = request(admin, ReportKind.TRANSACTIONS, DAY, DAY);
        files.queued().forEach(shards::run);
        assertTrue(center.download(admin, other, token).isEmpty(), "another report's token");
        clock.advance(Report.LIFETIME.plus(Duration.ofSeconds(1)));
        assertEquals(ReportStatus.EXPIRED, reports.find(BRAND, id).orElseThrow().status(clock.instant()));
        assertTrue(center.download(admin, id, token).isEmpty(), "expired");
    }

    @Test
    void a_failed_report_writes_nothing_more() {
        record(5, DAY, new Random(5));
        ReportId id = request(admin, ReportKind.TRANSACTIONS, DAY, DAY);
        assertTrue(shards.fail(files.queued().get(0), "dead-lettered"));
        files.queued().forEach(m -> assertEquals(ExportShardUseCase.Result.SKIPPED, shards.run(m)));
        assertEquals(ReportStatus.FAILED, reports.find(BRAND, id).orElseThrow().stored());
        assertTrue(mail.queued().isEmpty());
    }

    @Test
    void csv_fields_are_quoted_and_never_run_as_formulas() {
        assertEquals("\"a,b\"", CsvOut.escape("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvOut.escape("say \"hi\""));
        assertEquals("'=SUM(A1)", CsvOut.escape("=SUM(A1)"));
        assertEquals("-250", CsvOut.escape("-250"));
        assertEquals("'\tx", CsvOut.escape("\tx"), "a leading tab is read as a formula by some spreadsheets");
        assertEquals("\"'\r=1\"", CsvOut.escape("\r=1"), "a leading carriage return too");
    }

    @Test
    void the_slices_cover_the_period_without_gaps_newest_first() {
        ReportFilters f = new ReportFilters(DAY, DAY.plusDays(2), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
        int n = 64;
        Instant end = DAY.plusDays(3).atStartOfDay(ZONE).toInstant();
        for (int s = 0; s < n; s++) {
            Instant[] slice = TransactionRows.slice(f, ZONE, n, s);
            assertEquals(end, slice[1]);
            end = slice[0];
        }
        assertEquals(DAY.atStartOfDay(ZONE).toInstant(), end);
    }

    private int seq;

    private ReportId request(StaffScope scope, ReportKind kind, LocalDate from, LocalDate to) {
        ReportId id = new ReportId("r-" + (++seq));
        assertEquals(Optional.empty(), center.request(scope, new ExportRequest(id, kind, from, to, Optional.empty(),
                Optional.empty(), Optional.empty(), "https://office.test/admin")));
        return id;
    }

    /** Records n ledger events spread over the day (and some outside it); returns the day's event ids newest first. */
    private List<String> record(int n, LocalDate day, Random random) {
        Instant start = day.atStartOfDay(ZONE).toInstant();
        List<DomainEvent> inside = new ArrayList<>();
        for (int i = 0; i < n + 10; i++) {
            boolean outside = i >= n;
            Instant at = start.plusSeconds(outside ? 86_400 * 5 + i : random.nextInt(86_400)).plusMillis(random.nextInt(1000));
            Map<String, String> data = new HashMap<>();
            data.put("cardNumber", CARDS[random.nextInt(CARDS.length)]);
            data.put("transactionId", "t" + i);
            data.put("location", random.nextBoolean() ? "L1" : "L2");
            data.put("balance.USD", Integer.toString(random.nextInt(5000) - 2500));
            DomainEvent e = new DomainEvent(String.format("e%05d", i), "ledger.issue", BRAND, at, data);
            log.record(e);
            if (!outside) {
                inside.add(e);
            }
        }
        inside.sort((a, b) -> ActivityLogPort.Position.ORDER.compare(
                ActivityLogPort.Position.of(a), ActivityLogPort.Position.of(b)));
        return inside.stream().map(DomainEvent::id).toList();
    }

    private List<String> lines(ReportId id) {
        return List.of(files.file(BRAND, id).orElseThrow().split("\r\n"));
    }
}
