package io.tally.domain.ledger;

import io.tally.domain.shared.Reason;
import io.tally.domain.shared.Rejection;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The per-request attributes from the merchant API's headers: externalTransactionId, note, the response's
 * requestRef, and the caller's customRequestId (its idempotency key, unique per brand). {@code resumeSince}: this is a
 * retry that took over a request whose first attempt began then and may have written already (see
 * {@link IdempotencyPort}); the ledger writer then looks for that attempt's entry before writing another.
 */
public record RequestInfo(Optional<String> externalTransactionId, Optional<String> note, String requestRef,
                          Optional<String> customRequestId, Optional<Instant> resumeSince) {
    public RequestInfo {
        Objects.requireNonNull(externalTransactionId, "externalTransactionId");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(requestRef, "requestRef");
        Objects.requireNonNull(customRequestId, "customRequestId");
        externalTransactionId = externalTransactionId.filter(s -> !s.isBlank());
        note = note.filter(s -> !s.isBlank());
        customRequestId = customRequestId.filter(s -> !s.isBlank());
        Objects.requireNonNull(resumeSince, "resumeSince");
    }

    public static RequestInfo of(String requestRef) {
        return new RequestInfo(Optional.empty(), Optional.empty(), requestRef, Optional.empty(), Optional.empty());
    }

    public RequestInfo withCustomRequestId(String id) {
        return new RequestInfo(externalTransactionId, note, requestRef, Optional.of(id), resumeSince);
    }

    /** This request as the retry of one whose first attempt began at {@code since} and may have written already. */
    public RequestInfo withResumeSince(Instant since) {
        return new RequestInfo(externalTransactionId, note, requestRef, customRequestId, Optional.of(since));
    }

    public Optional<Rejection> check() {
        if (externalTransactionId.map(String::length).orElse(0) > LedgerLimits.MAX_EXTERNAL_ID
                || note.map(String::length).orElse(0) > LedgerLimits.MAX_NOTE
                || customRequestId.map(String::length).orElse(0) > LedgerLimits.MAX_REQUEST_ID
                || requestRef.length() > LedgerLimits.MAX_REQUEST_ID) {
            return Optional.of(Rejection.of(Reason.INVALID_REQUEST, "externalTransactionId, note, customRequestId or requestRef too long"));
        }
        return Optional.empty();
    }
}
