package io.tally.domain.report.export;

import io.tally.domain.email.EmailKind;
import io.tally.domain.email.EmailMessage;
import io.tally.domain.email.EmailOutboxPort;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes one shard of a report (the reports queue's consumer), retryable at every step: the shard's rows are streamed
 * into its own object (a retry replaces it), then its result is recorded in ONE conditional write (a redelivery
 * records nothing). The write that records the last shard sees every shard done and completes the report: the shard
 * objects are joined into the file, the report marked READY and the requester e-mailed the signed link. A
 * completion that dies part-way is done again by the shard's redelivery (joining again gives the same file; the
 * e-mail's id is the report's, so it is sent once; the ready listener is told again).
 */
public final class ExportShardUseCase {
    /** The e-mails' subscription list: staff e-mails belong to none (their kind is {@code staff()}). */
    static final String STAFF_LIST = "staff";
    private final ReportsPort reports;
    private final ReportFilesPort files;
    private final Map<ReportKind, ReportRows> rows;
    private final EmailOutboxPort outbox;
    private final Function<BrandId, ZoneId> zones;
    private final Clock clock;
    private final ReadyListener ready;

    /**
     * Told of a report each time its completion runs (once it is READY, and again on every redelivery of a shard of
     * it): must be idempotent, keyed by the report. What a direct mail export's addresses count as ({@link
     * DirectMailSends}).
     */
    @FunctionalInterface
    public interface ReadyListener {
        ReadyListener NONE = (report, readyAt) -> { };

        void ready(Report report, Instant readyAt);
    }

    public ExportShardUseCase(ReportsPort reports, ReportFilesPort files, Map<ReportKind, ReportRows> rows,
                              EmailOutboxPort outbox, Function<BrandId, ZoneId> zones, Clock clock) {
        this(reports, files, rows, outbox, zones, clock, ReadyListener.NONE);
    }

    public ExportShardUseCase(ReportsPort reports, ReportFilesPort files, Map<ReportKind, ReportRows> rows,
                              EmailOutboxPort outbox, Function<BrandId, ZoneId> zones, Clock clock,
                              ReadyListener ready) {
        this.ready = Objects.requireNonNull(ready, "ready");
        this.reports = reports;
        this.files = files;
        this.rows = Map.copyOf(rows);
        this.outbox = outbox;
        this.zones = zones;
        this.clock = clock;
    }

    public enum Result {
        WRITTEN,
        /** Written before (a redelivery; the completion was made sure of), or the report failed: nothing written. */
        SKIPPED,
        /** No such report: the message is garbage; nothing written. */
        NO_SUCH_REPORT
    }

    public Result run(ExportShard shard) {
        Optional<Report> found = reports.find(shard.brand(), shard.report());
        if (found.isEmpty() || shard.shard() >= found.get().shards()) {
            return Result.NO_SUCH_REPORT;
        }
        Report report = found.get();
        if (report.stored() == ReportStatus.FAILED) {
            return Result.SKIPPED;
        }
        if (report.shardDone(shard.shard())) {
            completeIfDone(report);
            return Result.SKIPPED;
        }
        reports.markRunning(report.brand(), report.id());
        long written = write(report, shard.shard());
        ReportsPort.Recorded recorded = reports.recordShard(report.brand(), report.id(), shard.shard(), written);
        recorded.report().ifPresent(this::completeIfDone);
        return switch (recorded.outcome()) {
            case RECORDED -> Result.WRITTEN;
            case ALREADY_RECORDED -> Result.SKIPPED;
            case NO_SUCH_REPORT -> Result.NO_SUCH_REPORT;
        };
    }

    /** Gives up on a report whose shard could not be written (its message dead-lettered): FAILED, with the reason. */
    public boolean fail(ExportShard shard, String reason) {
        return reports.fail(shard.brand(), shard.report(), reason);
    }

    private long write(Report report, int shard) {
        ReportRows source = rows.get(report.kind());
        if (source == null) {
            throw new IllegalStateException("no rows for " + report.kind());
        }
        ReportFilesPort.ShardUpload upload = files.openShard(report.brand(), report.id(), shard);
        try {
            CsvOut out = new CsvOut(upload.stream());
            if (shard == 0) {
                out.header(source.header());
            }
            source.write(report, shard, zones.apply(report.brand()), out);
            out.flush();
            upload.complete();
            return out.rows();
        } catch (RuntimeException | Error e) {
            upload.abort();
            throw e;
        }
    }

    private void completeIfDone(Report report) {
        if (!report.allShardsDone() || report.stored() == ReportStatus.FAILED) {
            return;
        }
        Instant ready = report.readyAt().orElseGet(clock::instant);
        if (report.stored() != ReportStatus.READY) {
            files.assemble(report.brand(), report.id(), report.shards());
            reports.markReady(report.brand(), report.id(), ready);
        }
        outbox.enqueue(new EmailMessage("report-" + report.id().value(), report.brand(), EmailKind.REPORT_READY,
                report.email(), STAFF_LIST, Map.of(
                        "reportName", name(report, ready),
                        "rows", Long.toString(report.rows()),
                        "downloadUrl", report.link(),
                        "expires", DateTimeFormatter.ISO_INSTANT.format(report.expiresAt()))));
        // after the requester's e-mail (its id is the report's): a listener that fails delays nothing they wait for
        this.ready.ready(report, ready);
    }

    /** The report as the e-mail names it: its kind and period, or for a picture of now the moment it was ready. */
    private static String name(Report report, Instant ready) {
        String label = report.kind().label();
        if (!report.kind().hasPeriod()) {
            return label + ", as of " + DateTimeFormatter.ISO_INSTANT.format(ready.truncatedTo(ChronoUnit.SECONDS));
        }
        return label + ", " + report.filters().from() + " to " + report.filters().to();
    }
}
