package io.tally.domain.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * A reservation on a balance (a pre-authorisation): the value stays on the card but is not available
 * for other spending. It can be redeemed from several times until it is released or expires.
 *
 * @param id        the HOLD entry's transaction id (what the merchant quotes as redeemFromHoldTransactionId)
 * @param sequence  the HOLD entry's sequence number
 * @param amount    how much was reserved
 * @param remaining how much is still reserved, 1..amount (a hold at 0 is closed and dropped)
 * @param expiresAt from this instant on the hold has lapsed: it is released as of then (Settlement), by whichever writer comes first
 */
public record Hold(TransactionId id, long sequence, long amount, long remaining, Instant expiresAt) {
    public Hold {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (remaining < 1 || remaining > amount) {
            throw new IllegalStateException("hold " + id + " remaining " + remaining + " outside 1.." + amount);
        }
    }

    public boolean isDue(Instant now) {
        return !expiresAt.isAfter(now);
    }

    // Written out, not generated: docs/PERFORMANCE.md, "Records written out".
    @Override
    public boolean equals(Object o) {
        return o instanceof Hold other && id.equals(other.id) && sequence == other.sequence && amount == other.amount
                && remaining == other.remaining && expiresAt.equals(other.expiresAt);
    }

    @Override
    public int hashCode() {
        int h = id.hashCode();
        h = 31 * h + Long.hashCode(sequence);
        h = 31 * h + Long.hashCode(amount);
        h = 31 * h + Long.hashCode(remaining);
        return 31 * h + expiresAt.hashCode();
    }
}
