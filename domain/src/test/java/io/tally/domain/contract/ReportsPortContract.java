package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.report.export.Report;
import io.tally.domain.report.export.ReportFilters;
import io.tally.domain.report.export.ReportId;
import io.tally.domain.report.export.ReportKind;
import io.tally.domain.report.export.ReportStatus;
import io.tally.domain.report.export.ReportsPort;
import io.tally.domain.report.export.ReportsPort.Recorded.Outcome;
import io.tally.domain.staff.StaffId;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link ReportsPort} must do. Subclass it per implementation. */
public abstract class ReportsPortContract {
    protected abstract ReportsPort port();

    private final BrandId brand = ContractData.freshBrand();
    private final Instant now = Instant.parse("2026-12-01T10:00:00.120Z");

    private Report report(String id, int shards, Instant at, Optional<Set<LocationId>> scope) {
        return Report.queued(new ReportId(id), brand, new StaffId("staff-1"), "a@b.test", ReportKind.TRANSACTIONS,
                new ReportFilters(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), Optional.of(new LocationId("L1")),
                        Optional.empty(), Optional.of("issue"), scope), at, shards, "https://x.test/admin/reports/" + id);
    }

    @Test
    void a_report_is_created_once_and_read_back_as_stored() {
        Report r = report("r1", 3, now, Optional.of(Set.of(new LocationId("L1"), new LocationId("L2"))));
        assertTrue(port().create(r));
        assertFalse(port().create(report("r1", 5, now.plusSeconds(1), Optional.empty())));
        assertEquals(Optional.of(r), port().find(brand, r.id()));
        assertEquals(Optional.empty(), port().find(ContractData.freshBrand(), r.id()));
        Report wide = report("r2", 1, now, Optional.empty());
        assertTrue(port().create(wide));
        assertEquals(Optional.of(wide), port().find(brand, wide.id()));
    }

    @Test
    void a_report_about_one_thing_keeps_its_subject() {
        Report r = Report.queued(new ReportId("r-subject"), brand, new StaffId("staff-1"), "a@b.test",
                ReportKind.SEGMENT_MEMBERS, new ReportFilters(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of("regulars/2026-12-01.v0000000003")), now, 1, "https://x.test/admin/reports/r-subject");
        assertTrue(port().create(r));
        assertEquals(Optional.of(r), port().find(brand, r.id()));
    }

    @Test
    void the_list_is_newest_first() {
        for (int i = 0; i < 5; i++) {
            port().create(report("r" + i, 1, now.plusSeconds(i), Optional.empty()));
        }
        assertEquals(List.of("r4", "r3", "r2"), port().list(brand, 3).stream().map(r -> r.id().value()).toList());
    }

    @Test
    void each_shard_records_once_and_the_last_record_sees_every_shard_done() throws Exception {
        int shards = 16;
        Report r = report("r1", shards, now, Optional.empty());
        port().create(r);
        assertTrue(port().markRunning(brand, r.id()));
        assertFalse(port().markRunning(brand, r.id()));
        assertFalse(port().markReady(brand, r.id(), now), "not every shard is done");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<ReportsPort.Recorded>> results = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int s = 0; s < shards; s++) {
                int shard = s;
                results.add(pool.submit(() -> port().recordShard(brand, r.id(), shard, 10 + shard)));
            }
        }
        pool.shutdown();
        long recorded = 0;
        long sawAll = 0;
        for (Future<ReportsPort.Recorded> f : results) {
            ReportsPort.Recorded result = f.get();
            if (result.outcome() == Outcome.RECORDED) {
                recorded++;
                sawAll += result.report().orElseThrow().allShardsDone() ? 1 : 0;
            }
        }
        assertEquals(shards, recorded);
        assertTrue(sawAll >= 1);
        Report stored = port().find(brand, r.id()).orElseThrow();
        assertEquals(shards * 10 + shards * (shards - 1) / 2, stored.rows());
        assertEquals(ReportStatus.RUNNING, stored.stored());
        assertTrue(port().markReady(brand, r.id(), now.plusSeconds(5)));
        assertFalse(port().markReady(brand, r.id(), now.plusSeconds(6)));
        assertEquals(Optional.of(now.plusSeconds(5)), port().find(brand, r.id()).orElseThrow().readyAt());
        assertFalse(port().fail(brand, r.id(), "too late"));
        assertEquals(Outcome.NO_SUCH_REPORT, port().recordShard(brand, new ReportId("nope"), 0, 1).outcome());
    }

    @Test
    void a_failed_report_records_nothing_more() {
        Report r = report("r1", 2, now, Optional.empty());
        port().create(r);
        assertTrue(port().fail(brand, r.id(), "dead-lettered"));
        assertFalse(port().fail(brand, r.id(), "again"));
        assertEquals(Outcome.ALREADY_RECORDED, port().recordShard(brand, r.id(), 0, 5).outcome());
        Report stored = port().find(brand, r.id()).orElseThrow();
        assertEquals(ReportStatus.FAILED, stored.stored());
        assertEquals(Optional.of("dead-lettered"), stored.failure());
        assertEquals(0, stored.rows());
    }
}
