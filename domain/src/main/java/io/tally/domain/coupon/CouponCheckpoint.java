package io.tally.domain.coupon;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a coupon allocation that must happen once (a request with a customRequestId) records the coupon it chose
 * before writing it, and where a retry of that request finds the choice: the retry then finishes that allocation
 * instead of handing out a second coupon. The same idea as {@code AllocationCheckpoint} for cards.
 */
public interface CouponCheckpoint {
    /** What an earlier attempt chose, if it got that far. */
    Optional<Choice> previous();

    /** Records the choice before the coupon is written; throws if the attempt has lost the right to go on. */
    void record(Choice choice);

    /**
     * The coupon and the allocation instant written with it: a stored coupon restricted to the card with exactly this
     * {@code allocatedAt} is this request's allocation (another request would have to pick the same coupon for the same
     * card in the same millisecond).
     */
    record Choice(CouponCode code, Instant allocatedAt) {
        public Choice {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(allocatedAt, "allocatedAt");
        }
    }
}
