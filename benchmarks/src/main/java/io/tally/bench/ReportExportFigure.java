package io.tally.bench;

import io.tally.domain.report.export.ExportRequest;
import io.tally.domain.report.export.ExportShard;
import io.tally.domain.report.export.ExportShardUseCase;
import io.tally.domain.report.export.ReportCenterUseCase;
import io.tally.domain.report.export.ReportId;
import io.tally.domain.report.export.ReportKind;
import io.tally.domain.report.export.ReportLinks;
import io.tally.domain.report.export.ReportRows;
import io.tally.domain.report.export.ReportStatus;
import io.tally.domain.report.export.ReportsPort;
import io.tally.domain.report.export.TransactionRows;
import io.tally.domain.shared.SignedTokens;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.BrandId;
import io.tally.local.s3.S3rverServer;
import io.tally.sqs.s3.ReportStorage;
import io.tally.sqs.s3.S3ReportFiles;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;

/**
 * Figure 10 (issue 13). Report Center exports of all transactions: the real {@link ExportShardUseCase} writing CSV
 * shards to s3rver (multipart, 8 MiB parts), recording them in dynalite and joining the file, the period cut into 64
 * shards taken from an in-memory queue by {@code w} workers, as {@code w} concurrent report-writer invocations would
 * (SQS left out, as in figure 8). The activity log is generated on the fly ({@link GeneratedActivity}), so the rate is
 * the export's, not dynalite's. Memory: the heap after a full GC once a 1,000-row export is done, and again once the
 * large one is; flat means at most 2x.
 */
final class ReportExportFigure {
    private static final BrandId BRAND = new BrandId(BenchWorld.BRAND);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 1);
    private static final int DAYS = 3;

    private final BenchWorld world;
    private final Options options;
    private int reports;

    ReportExportFigure(BenchWorld world, Options options) {
        this.world = world;
        this.options = options;
    }

    /** Rows of the large export: a million, or the smoke run's few thousand ({@code -Dtally.bench.exportRows}). */
    long rows() {
        return Long.getLong("tally.bench.exportRows", options.quick() ? 3_000 : 1_000_000);
    }

    void run(Report report) throws Exception {
        try (S3rverServer s3 = S3rverServer.start(options.repoRoot(), options.workDir().resolve("s3rver"))) {
            S3ReportFiles files = ReportStorage.files("us-east-1", Optional.of(s3.endpoint()),
                    AnonymousCredentialsProvider.create(), S3rverServer.BUCKET);
            export(files, 1_000, 1);
            long small = heapAfterGc();
            long n = rows();
            Run large = export(files, n, 1);
            long big = heapAfterGc();
            double ratio = (double) big / small;
            report.add(new Report.Row("10 report export", "all transactions, " + n + " rows, 1 worker",
                    Math.round(large.rows / large.seconds) + " rows/s (" + Report.fmt(large.seconds) + " s)", "-",
                    ratio, "heap after <= 2x heap after 1,000 rows; every row once",
                    ratio <= 2.0 && large.rows == n ? Report.Verdict.MET : Report.Verdict.MISSED,
                    "heap after a full GC: " + mb(small) + " MB after 1,000 rows, " + mb(big) + " MB after " + n
                            + " (peak used while exporting, garbage included: " + mb(large.peakHeap) + " MB); "
                            + large.shards + " shards, CSV " + mb(large.bytes) + " MB"));
            long fan = Math.max(1_000, n / 4);
            List<List<String>> rows = new ArrayList<>();
            double one = 0;
            for (int workers : List.of(1, 2, 4)) {
                Run r = export(files, fan, workers);
                double rate = r.rows / r.seconds;
                one = workers == 1 ? rate : one;
                rows.add(List.of(Integer.toString(workers), Long.toString(r.rows), Report.fmt(r.seconds),
                        Long.toString(Math.round(rate)), Report.fmt(rate / one)));
            }
            report.addTable(new Report.Table("10 report export: fan-out over " + large.shards + " shards, "
                    + fan + " rows", List.of("workers", "rows", "seconds", "rows/s", "x 1 worker"), rows));
        }
    }

    private record Run(long rows, double seconds, int shards, long bytes, long peakHeap) {
    }

    private Run export(S3ReportFiles files, long n, int workers) throws Exception {
        Instant start = DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
        GeneratedActivity activity = new GeneratedActivity(BRAND, start, Duration.ofDays(DAYS).toMillis(), n);
        Map<ReportKind, ReportRows> rows = Map.of(ReportKind.TRANSACTIONS, new TransactionRows(activity));
        ReportsPort stored = world.storage().reports();
        ConcurrentLinkedQueue<ExportShard> queue = new ConcurrentLinkedQueue<>();
        ReportCenterUseCase center = new ReportCenterUseCase(stored, queue::addAll, files, rows,
                new ReportLinks(SignedTokens.fromText("bench-only-secret-of-at-least-32-characters")),
                b -> ZoneOffset.UTC, Clock.systemUTC());
        ExportShardUseCase shards = new ExportShardUseCase(stored, files, rows, message -> { }, b -> ZoneOffset.UTC,
                Clock.systemUTC());
        ReportId id = new ReportId("bench-" + System.nanoTime() + "-" + (++reports));
        StaffScope admin = StaffScope.brandWide(BRAND, new StaffId("bench"), "bench@bench.test", Role.ADMIN);
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long began = System.nanoTime();
        center.request(admin, new ExportRequest(id, ReportKind.TRANSACTIONS, DAY, DAY.plusDays(DAYS - 1),
                Optional.empty(), Optional.empty(), Optional.empty(), "https://bench.invalid/admin"))
                .ifPresent(refused -> {
                    throw new IllegalStateException(refused.message());
                });
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                running.add(pool.submit(() -> {
                    for (ExportShard s = queue.poll(); s != null; s = queue.poll()) {
                        shards.run(s);
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            sampler.interrupt();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        var done = stored.find(BRAND, id).orElseThrow();
        if (done.stored() != ReportStatus.READY) {
            throw new IllegalStateException("export " + id + " ended " + done.stored());
        }
        long bytes;
        try (var in = files.open(BRAND, id)) {
            bytes = in.transferTo(OutputStream.nullOutputStream());
        }
        return new Run(done.rows(), seconds, done.shards(), bytes, peak.get());
    }

    /** The heap in use after two full GCs (figures 10 and 11). */
    static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static String mb(long bytes) {
        return Report.fmt(bytes / 1e6);
    }
}
