package io.tally.domain.ledger;

import java.util.Objects;

/** Another entry of the same card that an entry acts on: the voided transaction, or the hold redeemed or released. */
public record Reference(TransactionId transactionId, long sequence) {
    public Reference {
        Objects.requireNonNull(transactionId, "transactionId");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequences start at 1");
        }
    }
}
