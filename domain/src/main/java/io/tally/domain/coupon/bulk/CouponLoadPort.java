package io.tally.domain.coupon.bulk;

import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.Optional;

/**
 * Stores coupon load jobs and their progress. The progress of a load with a million codes is written by many chunk
 * consumers at once and each chunk may be delivered more than once: {@link #recordChunk} adds a chunk's counts and
 * marks it done in ONE conditional write, so each chunk counts exactly once whatever the redelivery.
 */
public interface CouponLoadPort {
    /** Stores a new job only if its id is free in the brand; false when taken. */
    boolean create(LoadJob job);

    /** The job, read strongly consistently; empty for an unknown id or another brand's job. */
    Optional<LoadJob> find(BrandId brand, LoadJobId id);

    /**
     * Adds the chunk's counts and invalid lines to the job and marks the chunk done, only if it is not done yet;
     * {@code now} becomes the job's {@code lastChunkAt}.
     */
    Recorded recordChunk(BrandId brand, LoadJobId id, ChunkResult result, Instant now);

    /** Marks the job FAILED with the reason, unless it is already DONE or FAILED; false then (or when unknown). */
    boolean fail(BrandId brand, LoadJobId id, String reason);

    enum Recorded {
        RECORDED,
        /** The chunk was recorded before (a redelivery): nothing changed. */
        ALREADY_RECORDED,
        NO_SUCH_JOB
    }
}
