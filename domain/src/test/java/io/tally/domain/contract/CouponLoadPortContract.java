package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.coupon.bulk.ChunkResult;
import io.tally.domain.coupon.bulk.CouponLoadPort;
import io.tally.domain.coupon.bulk.CouponLoadPort.Recorded;
import io.tally.domain.coupon.bulk.InvalidLine;
import io.tally.domain.coupon.bulk.LoadJob;
import io.tally.domain.coupon.bulk.LoadJobId;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link CouponLoadPort} must do. Subclass it per implementation. */
public abstract class CouponLoadPortContract {
    protected abstract CouponLoadPort port();

    private final BrandId brand = ContractData.freshBrand();
    private final Instant now = Instant.parse("2026-12-01T10:00:00.123Z");

    private LoadJob job(String id, LoadJob.Kind kind, int chunks) {
        return LoadJob.start(new LoadJobId(id), brand, new CouponSetId("SUMMER"), kind,
                kind == LoadJob.Kind.GENERATE ? Optional.of("SUM-") : Optional.empty(),
                kind == LoadJob.Kind.GENERATE ? Optional.of("c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA")
                        : Optional.empty(),
                chunks * 10L + 2, chunks, Optional.of(now), Optional.of(Instant.parse("2027-01-01T00:00:00Z")), 2,
                List.of(new InvalidLine(7, "bad code"), new InvalidLine(3, "bad tag 'x!'")), now);
    }

    @Test
    void a_job_reads_back_as_created_and_is_queued() {
        LoadJob job = job("job1", LoadJob.Kind.GENERATE, 3);
        assertTrue(port().create(job));

        LoadJob read = port().find(brand, job.id()).orElseThrow();
        assertEquals(job, read);
        assertEquals(LoadJob.Status.QUEUED, read.status());
        assertEquals(List.of(3L, 7L), read.invalidLines().stream().map(InvalidLine::line).toList());
        assertFalse(port().create(job("job1", LoadJob.Kind.CSV, 1)), "the id is taken");
    }

    @Test
    void jobs_are_per_brand() {
        port().create(job("job2", LoadJob.Kind.CSV, 1));

        assertEquals(Optional.empty(), port().find(ContractData.freshBrand(), new LoadJobId("job2")));
        assertEquals(Recorded.NO_SUCH_JOB, port().recordChunk(ContractData.freshBrand(), new LoadJobId("job2"),
                new ChunkResult(0, 1, 0, 0, List.of()), now));
    }

    @Test
    void each_chunk_counts_once_and_the_last_one_finishes_the_job() {
        LoadJob job = job("job3", LoadJob.Kind.CSV, 2);
        port().create(job);
        ChunkResult first = new ChunkResult(0, 7, 2, 1, List.of(new InvalidLine(12, "duplicate: taken"),
                new InvalidLine(11, "bad card number")));

        assertEquals(Recorded.RECORDED, port().recordChunk(brand, job.id(), first, now.plusSeconds(1)));
        assertEquals(Recorded.ALREADY_RECORDED, port().recordChunk(brand, job.id(), first, now.plusSeconds(2)));
        LoadJob running = port().find(brand, job.id()).orElseThrow();
        assertEquals(LoadJob.Status.RUNNING, running.status());
        assertEquals(List.of(7L, 2L, 3L), List.of(running.loaded(), running.duplicates(), running.invalid()));
        assertEquals(Set.of(0), running.chunksDone());

        port().recordChunk(brand, job.id(), new ChunkResult(1, 10, 0, 0, List.of()), now.plusSeconds(3));
        LoadJob done = port().find(brand, job.id()).orElseThrow();
        assertEquals(LoadJob.Status.DONE, done.status());
        assertEquals(22, done.processed());
        assertEquals(Optional.of(now.plusSeconds(3)), done.finishedAt());
        assertEquals(List.of(3L, 7L, 11L, 12L), done.invalidLines().stream().map(InvalidLine::line).toList());
        assertEquals("bad card number", done.invalidLines().get(2).reason());
    }

    @Test
    void concurrent_records_of_the_same_and_of_different_chunks_add_up_exactly() throws Exception {
        int chunks = 20;
        LoadJob job = job("job4", LoadJob.Kind.GENERATE, chunks);
        port().create(job);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Recorded>> results = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (int c = 0; c < chunks; c++) {
                    ChunkResult r = new ChunkResult(c, 10, 1, 0, List.of());
                    results.add(pool.submit(() -> port().recordChunk(brand, job.id(), r, now)));
                }
            }
            long recorded = 0;
            for (Future<Recorded> f : results) {
                recorded += f.get() == Recorded.RECORDED ? 1 : 0;
            }
            assertEquals(chunks, recorded);
        } finally {
            pool.shutdownNow();
        }
        LoadJob done = port().find(brand, job.id()).orElseThrow();
        assertEquals(LoadJob.Status.DONE, done.status());
        assertEquals(chunks * 10L, done.loaded());
        assertEquals(chunks, done.duplicates());
    }

    @Test
    void a_failed_job_stays_failed_and_a_done_one_cannot_fail() {
        port().create(job("job5", LoadJob.Kind.CSV, 1));
        assertTrue(port().fail(brand, new LoadJobId("job5"), "queueing failed"));
        assertFalse(port().fail(brand, new LoadJobId("job5"), "again"));
        LoadJob failed = port().find(brand, new LoadJobId("job5")).orElseThrow();
        assertEquals(LoadJob.Status.FAILED, failed.status());
        assertEquals(Optional.of("queueing failed"), failed.failure());

        port().create(job("job6", LoadJob.Kind.CSV, 1));
        port().recordChunk(brand, new LoadJobId("job6"), new ChunkResult(0, 10, 0, 0, List.of()), now);
        assertFalse(port().fail(brand, new LoadJobId("job6"), "too late"));
        assertFalse(port().fail(brand, new LoadJobId("nope"), "unknown"));
    }

    @Test
    void listed_lines_stop_at_a_thousand_but_every_line_is_counted() {
        int chunks = 60;
        port().create(job("job7", LoadJob.Kind.CSV, chunks));
        for (int c = 0; c < chunks; c++) {
            List<InvalidLine> lines = new ArrayList<>();
            for (int i = 0; i < ChunkResult.MAX_INVALID_LINES; i++) {
                lines.add(new InvalidLine(100L + c * 100L + i, "bad code"));
            }
            assertEquals(Recorded.RECORDED, port().recordChunk(brand, new LoadJobId("job7"),
                    new ChunkResult(c, 0, 0, lines.size(), lines), now));
        }

        LoadJob done = port().find(brand, new LoadJobId("job7")).orElseThrow();
        assertEquals(LoadJob.Status.DONE, done.status());
        assertEquals(2 + chunks * 20L, done.invalid());
        assertEquals(LoadJob.MAX_INVALID_LINES, done.invalidLines().size());
        assertEquals(3L, done.invalidLines().get(0).line());
    }
}
