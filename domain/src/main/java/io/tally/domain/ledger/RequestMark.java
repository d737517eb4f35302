package io.tally.domain.ledger;

import java.util.Objects;

/** A customRequestId the card has seen recently, the meaning of that request, and the entry it produced. */
public record RequestMark(String customRequestId, String fingerprint, TransactionId transactionId, long sequence) {
    public RequestMark {
        Objects.requireNonNull(customRequestId, "customRequestId");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(transactionId, "transactionId");
    }
}
