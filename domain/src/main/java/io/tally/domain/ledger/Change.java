package io.tally.domain.ledger;

import io.tally.domain.program.ValueTypeKey;
import java.util.Objects;

/**
 * One primitive change to a card's balances, as recorded in a ledger entry. Entries carry their changes,
 * not just totals, so that {@link LedgerRules#apply} can rebuild the exact state from the entries alone
 * (which buckets a redemption spent, which hold it drew on) and a void can reverse precisely.
 */
public sealed interface Change {
    ValueTypeKey key();

    /** Signed change of the balance (bucket total). */
    long balanceDelta();

    /** Signed change of the held amount. */
    long heldDelta();

    /** A new bucket (ISSUE). */
    record AddBucket(ValueTypeKey key, Bucket bucket) implements Change {
        public AddBucket {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(bucket, "bucket");
            if (!bucket.untouched()) {
                throw new IllegalArgumentException("a new bucket is full");
            }
        }

        public long balanceDelta() {
            return bucket.remaining();
        }

        public long heldDelta() {
            return 0;
        }
    }

    /**
     * More value issued into an existing bucket of the same class (ISSUE when no new bucket fits the limits):
     * raises the bucket's issued and remaining by {@code amount}. The entry records the amount, so its void
     * takes back exactly that.
     */
    record TopUp(ValueTypeKey key, TransactionId bucket, long amount) implements Change {
        public TopUp {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(bucket, "bucket");
            if (amount < 1) {
                throw new IllegalArgumentException("a top-up must be positive");
            }
        }

        public long balanceDelta() {
            return amount;
        }

        public long heldDelta() {
            return 0;
        }
    }

    /** Value taken out of a bucket (REDEEM, EXPIRE, the VOID of an ISSUE). */
    record Take(ValueTypeKey key, Slice slice) implements Change {
        public Take {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(slice, "slice");
        }

        public long balanceDelta() {
            return -slice.amount();
        }

        public long heldDelta() {
            return 0;
        }
    }

    /** Value put back into a bucket, recreating it if it had emptied (the VOID of a REDEEM). */
    record Restore(ValueTypeKey key, Slice slice) implements Change {
        public Restore {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(slice, "slice");
        }

        public long balanceDelta() {
            return slice.amount();
        }

        public long heldDelta() {
            return 0;
        }
    }

    /** A new hold (HOLD). */
    record OpenHold(ValueTypeKey key, Hold hold) implements Change {
        public OpenHold {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(hold, "hold");
            if (hold.remaining() != hold.amount()) {
                throw new IllegalArgumentException("a new hold is full");
            }
        }

        public long balanceDelta() {
            return 0;
        }

        public long heldDelta() {
            return hold.amount();
        }
    }

    /**
     * Less reserved on a hold: spent from it (REDEEM from hold), or released (RELEASE). A hold that reaches
     * zero is closed. {@code amount} is exact, so replay can check it against the state.
     */
    record ReduceHold(ValueTypeKey key, TransactionId hold, long amount) implements Change {
        public ReduceHold {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(hold, "hold");
            if (amount < 1) {
                throw new IllegalArgumentException("hold reduction must be positive");
            }
        }

        public long balanceDelta() {
            return 0;
        }

        public long heldDelta() {
            return -amount;
        }
    }
}
