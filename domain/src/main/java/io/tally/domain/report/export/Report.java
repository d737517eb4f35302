package io.tally.domain.report.export;

import io.tally.domain.staff.StaffId;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Report Center export as stored: who asked (the requester's e-mail receives the link), what for, its shards and
 * which of them are done, the rows written, and its stored state. {@code link} is the signed download link, valid
 * until {@link #expiresAt()}; the stored file outlives it by a day at most (the bucket's lifecycle rule).
 */
public record Report(ReportId id, BrandId brand, StaffId staff, String email, ReportKind kind, ReportFilters filters,
                     Instant createdAt, int shards, Set<Integer> shardsDone, long rows, ReportStatus stored,
                     Optional<Instant> readyAt, Optional<String> failure, String link) {
    /** How long the e-mailed link stays valid, from the request. */
    public static final Duration LIFETIME = Duration.ofDays(7);
    /** Upper bound of a report's shards (each one message, one object, one recorded result). */
    public static final int MAX_SHARDS = 64;

    public Report {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(filters, "filters");
        Objects.requireNonNull(createdAt, "createdAt");
        shardsDone = Set.copyOf(shardsDone);
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(readyAt, "readyAt");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(link, "link");
        if (shards < 1 || shards > MAX_SHARDS) {
            throw new IllegalArgumentException("a report has 1 to " + MAX_SHARDS + " shards: " + shards);
        }
        if (shardsDone.stream().anyMatch(s -> s < 0 || s >= shards)) {
            throw new IllegalArgumentException("a done shard outside 0.." + (shards - 1));
        }
        if (rows < 0) {
            throw new IllegalArgumentException("negative rows");
        }
        if (stored == ReportStatus.EXPIRED) {
            throw new IllegalArgumentException("EXPIRED is derived from the time, never stored");
        }
        if ((stored == ReportStatus.READY) != readyAt.isPresent()) {
            throw new IllegalArgumentException("a report has a ready time exactly when it is READY");
        }
    }

    /** A new report, nothing done yet. */
    public static Report queued(ReportId id, BrandId brand, StaffId staff, String email, ReportKind kind,
                                ReportFilters filters, Instant createdAt, int shards, String link) {
        return new Report(id, brand, staff, email, kind, filters, createdAt, shards, Set.of(), 0,
                ReportStatus.QUEUED, Optional.empty(), Optional.empty(), link);
    }

    public Instant expiresAt() {
        return createdAt.plus(LIFETIME);
    }

    /** The status at {@code now}: a READY report past its link's lifetime is EXPIRED. */
    public ReportStatus status(Instant now) {
        return stored == ReportStatus.READY && !now.isBefore(expiresAt()) ? ReportStatus.EXPIRED : stored;
    }

    public boolean shardDone(int shard) {
        return shardsDone.contains(shard);
    }

    public boolean allShardsDone() {
        return shardsDone.size() == shards;
    }

    /** The file's name in the download: kind and period. */
    public String fileName() {
        return kind.name().toLowerCase(Locale.ROOT) + "-" + filters.from() + "-" + filters.to() + ".csv";
    }
}
