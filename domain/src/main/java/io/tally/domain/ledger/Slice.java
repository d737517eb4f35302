package io.tally.domain.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An amount taken from or given back to one bucket. It repeats the bucket's attributes so that a void can
 * recreate a bucket that has since emptied, with its original expiry and store-credit flag.
 */
public record Slice(TransactionId source, long amount, long issued, Optional<Instant> expiresAt,
                    boolean returnRelated) {
    public Slice {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (amount < 1 || amount > issued) {
            throw new IllegalArgumentException("slice amount " + amount + " outside 1.." + issued);
        }
    }
}
