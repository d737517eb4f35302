package io.tally.domain.fakes;

import io.tally.domain.coupon.bulk.ChunkResult;
import io.tally.domain.coupon.bulk.CouponLoadPort;
import io.tally.domain.coupon.bulk.LoadJob;
import io.tally.domain.coupon.bulk.LoadJobId;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Coupon load jobs in memory with the adapter's semantics: one job per brand and id, each chunk's result added once.
 * Thread-safe (chunk consumers run in parallel).
 */
public final class InMemoryCouponLoadPort implements CouponLoadPort {
    private final Map<String, LoadJob> jobs = new HashMap<>();
    private int crashes;

    /** The process dies at the next {@code n} chunk records ({@link Crash}): the chunk's result is never stored. */
    public synchronized void crashNextRecords(int n) {
        crashes = n;
    }

    @Override
    public synchronized boolean create(LoadJob job) {
        return jobs.putIfAbsent(key(job.brand(), job.id()), job) == null;
    }

    @Override
    public synchronized Optional<LoadJob> find(BrandId brand, LoadJobId id) {
        return Optional.ofNullable(jobs.get(key(brand, id)));
    }

    @Override
    public synchronized Recorded recordChunk(BrandId brand, LoadJobId id, ChunkResult result, Instant now) {
        if (crashes > 0) {
            crashes--;
            throw new Crash("before recording chunk " + result.chunk());
        }
        LoadJob job = jobs.get(key(brand, id));
        if (job == null) {
            return Recorded.NO_SUCH_JOB;
        }
        if (job.chunkDone(result.chunk())) {
            return Recorded.ALREADY_RECORDED;
        }
        jobs.put(key(brand, id), job.withChunk(result, now));
        return Recorded.RECORDED;
    }

    @Override
    public synchronized boolean fail(BrandId brand, LoadJobId id, String reason) {
        LoadJob job = jobs.get(key(brand, id));
        if (job == null || job.status() == LoadJob.Status.DONE || job.status() == LoadJob.Status.FAILED) {
            return false;
        }
        jobs.put(key(brand, id), job.failed(reason));
        return true;
    }

    private static String key(BrandId brand, LoadJobId id) {
        return brand.value() + "#" + id.value();
    }
}
