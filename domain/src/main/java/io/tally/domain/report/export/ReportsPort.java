package io.tally.domain.report.export;

import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores Report Center reports and their progress. Shards finish on many consumers at once and each shard message may
 * be delivered more than once: {@link #recordShard} adds a shard's rows and marks it done in ONE conditional write, so
 * each shard counts exactly once, and the write that completes the set is the one that sees every shard done.
 */
public interface ReportsPort {
    /** Upper bound of {@link #list}. */
    int MAX_LIST = 100;

    /** Stores a new report only if its id is free in the brand; false when taken. */
    boolean create(Report report);

    /** The report, read strongly consistently; empty for an unknown id or another brand's report. */
    Optional<Report> find(BrandId brand, ReportId id);

    /** The brand's newest {@code limit} (1..{@link #MAX_LIST}) reports, newest first. */
    List<Report> list(BrandId brand, int limit);

    /** QUEUED becomes RUNNING (a shard started); nothing else changes. False when it was not QUEUED. */
    boolean markRunning(BrandId brand, ReportId id);

    /**
     * Adds {@code rows} and marks {@code shard} done, only if it is not done yet and the report has not failed; returns
     * the report as that write left it.
     */
    Recorded recordShard(BrandId brand, ReportId id, int shard, long rows);

    /** Marks the report READY at {@code now} if every shard is done and it is not READY yet; false otherwise. */
    boolean markReady(BrandId brand, ReportId id, Instant now);

    /** Marks the report FAILED with the reason unless it is READY or FAILED; false then (or when unknown). */
    boolean fail(BrandId brand, ReportId id, String reason);

    /** What {@link #recordShard} did; {@code report} is the stored report afterwards (empty for NO_SUCH_REPORT). */
    record Recorded(Outcome outcome, Optional<Report> report) {
        public enum Outcome {
            RECORDED,
            /** The shard was recorded before (a redelivery), or the report failed: nothing changed. */
            ALREADY_RECORDED,
            NO_SUCH_REPORT
        }
    }
}
