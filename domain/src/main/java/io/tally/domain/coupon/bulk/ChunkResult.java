package io.tally.domain.coupon.bulk;

import java.util.List;

/**
 * What loading one chunk did, recorded once per chunk in the job ({@link CouponLoadPort#recordChunk}).
 *
 * @param invalidLines at most {@link #MAX_INVALID_LINES} of the chunk's lines that were not loaded, invalid ones and
 *                     duplicates, with the reason (all are counted)
 */
public record ChunkResult(int chunk, int loaded, int duplicates, int invalid, List<InvalidLine> invalidLines) {
    public static final int MAX_INVALID_LINES = 20;

    public ChunkResult {
        if (chunk < 0 || loaded < 0 || duplicates < 0 || invalid < 0) {
            throw new IllegalArgumentException("negative chunk number or count");
        }
        invalidLines = List.copyOf(invalidLines.subList(0, Math.min(MAX_INVALID_LINES, invalidLines.size())));
        if (invalidLines.size() > (long) invalid + duplicates) {
            throw new IllegalArgumentException("more lines listed than counted");
        }
    }
}
