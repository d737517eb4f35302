package io.tally.domain.coupon.bulk;

import java.util.List;

/** Queues a load's chunks for the chunk consumer ({@link LoadCouponChunkUseCase}), which may see each more than once. */
public interface CouponLoadQueuePort {
    /** Queues every chunk or throws; chunks queued before a failure stay queued (loading them twice is harmless). */
    void send(List<LoadChunk> chunks);
}
