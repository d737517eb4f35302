package io.tally.domain.coupon.bulk;

import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A coupon bulk load: a CSV file's lines, or {@code total} generated codes, loaded into a set in {@code chunks} chunks
 * through the coupon-load queue. Each chunk's result is added exactly once ({@link CouponLoadPort#recordChunk}), so the
 * counts hold under redelivery; the job is DONE when every chunk is recorded.
 *
 * @param total        data lines of the file, or codes to generate: when DONE, {@code loaded + duplicates + invalid}
 * @param secret       GENERATE only: the key the codes are derived from (never printed, see {@link #toString})
 * @param validFrom    the set's validity window when the job started, given to every coupon loaded
 * @param invalidLines the first {@link #MAX_INVALID_LINES} invalid lines by line number (all are counted)
 * @param chunksDone   the chunks whose result is recorded
 * @param failure      why the job cannot finish (it stopped), if so
 */
public record LoadJob(LoadJobId id, BrandId brand, CouponSetId set, Kind kind, Optional<String> prefix,
                      Optional<String> secret, long total, int chunks, Optional<Instant> validFrom,
                      Optional<Instant> validTo, long loaded, long duplicates, long invalid, List<InvalidLine> invalidLines,
                      Set<Integer> chunksDone, Optional<String> failure, Instant createdAt,
                      Optional<Instant> lastChunkAt) {
    public static final int MAX_INVALID_LINES = 1_000;
    /** At most 1,000,000 codes in one job (about 2,000 chunks: the job item stays far below DynamoDB's 400 KB). */
    public static final long MAX_TOTAL = 1_000_000;

    public enum Kind { CSV, GENERATE }

    public enum Status { QUEUED, RUNNING, DONE, FAILED }

    public LoadJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastChunkAt, "lastChunkAt");
        List<InvalidLine> sorted = new ArrayList<>(invalidLines);
        sorted.sort(InvalidLine.BY_LINE);
        invalidLines = List.copyOf(sorted.subList(0, Math.min(MAX_INVALID_LINES, sorted.size())));
        chunksDone = Collections.unmodifiableSet(new TreeSet<>(chunksDone));
        if (kind == Kind.GENERATE && secret.isEmpty()) {
            throw new IllegalArgumentException("a generate job has a secret");
        }
        if (total < 0 || total > MAX_TOTAL || chunks < 0 || loaded < 0 || duplicates < 0 || invalid < 0) {
            throw new IllegalArgumentException("negative count, or more than " + MAX_TOTAL + " codes");
        }
        if (chunksDone.size() > chunks) {
            throw new IllegalArgumentException("more chunks done than the job has");
        }
    }

    /** A new job, before any chunk is loaded; {@code invalidLines} are those found before queueing (all counted). */
    public static LoadJob start(LoadJobId id, BrandId brand, CouponSetId set, Kind kind, Optional<String> prefix,
                                Optional<String> secret, long total, int chunks, Optional<Instant> validFrom,
                                Optional<Instant> validTo, long invalid, List<InvalidLine> invalidLines, Instant now) {
        return new LoadJob(id, brand, set, kind, prefix, secret, total, chunks, validFrom, validTo, 0, 0, invalid,
                invalidLines, Set.of(), Optional.empty(), now, Optional.empty());
    }

    public Status status() {
        if (failure.isPresent()) {
            return Status.FAILED;
        }
        if (chunksDone.size() == chunks) {
            return Status.DONE;
        }
        return chunksDone.isEmpty() ? Status.QUEUED : Status.RUNNING;
    }

    public boolean chunkDone(int chunk) {
        return chunksDone.contains(chunk);
    }

    /** Lines or codes accounted for so far: loaded, duplicates and invalid ones. */
    public long processed() {
        return loaded + duplicates + invalid;
    }

    /** When the last chunk was recorded, once the job is DONE. */
    public Optional<Instant> finishedAt() {
        return status() == Status.DONE ? lastChunkAt.or(() -> Optional.of(createdAt)) : Optional.empty();
    }

    /** The job with one more chunk's result added (the in-memory model of {@link CouponLoadPort#recordChunk}). */
    public LoadJob withChunk(ChunkResult result, Instant now) {
        if (chunkDone(result.chunk())) {
            throw new IllegalStateException("chunk " + result.chunk() + " is recorded already");
        }
        if (result.chunk() >= chunks) {
            throw new IllegalArgumentException("job " + id + " has no chunk " + result.chunk());
        }
        List<InvalidLine> lines = new ArrayList<>(invalidLines);
        lines.addAll(result.invalidLines());
        Set<Integer> done = new TreeSet<>(chunksDone);
        done.add(result.chunk());
        return new LoadJob(id, brand, set, kind, prefix, secret, total, chunks, validFrom, validTo,
                loaded + result.loaded(), duplicates + result.duplicates(), invalid + result.invalid(), lines, done,
                failure, createdAt, Optional.of(now));
    }

    public LoadJob failed(String why) {
        return new LoadJob(id, brand, set, kind, prefix, secret, total, chunks, validFrom, validTo, loaded, duplicates,
                invalid, invalidLines, chunksDone, Optional.of(why), createdAt, lastChunkAt);
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "LoadJob[" + brand + " " + id + " " + kind + " into " + set + " " + status() + " " + chunksDone.size() + "/"
                + chunks + " chunks, loaded " + loaded + ", duplicates " + duplicates + ", invalid " + invalid + "]";
    }
}
