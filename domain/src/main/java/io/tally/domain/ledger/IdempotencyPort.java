package io.tally.domain.ledger;

import io.tally.domain.card.CardNumber;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Remembers customRequestIds per brand, so a retried request gets the first answer and a reused id with a
 * different request is refused. The domain decides (fresh, repeat, reuse); the HTTP adapter stores the
 * response body it sent so that a repeat can be answered byte for byte. Records may expire after a day
 * or more (adapter: DynamoDB TTL); the card's own request ring covers recent repeats even without them.
 */
public interface IdempotencyPort {
    /**
     * Claims the id for a request with this fingerprint (DynamoDB: PutItem with {@code attribute_not_exists}).
     * Returns {@link Claim.Claimed} for the first claim, otherwise {@link Claim.Seen} with what is recorded.
     */
    Claim claim(BrandId brand, String customRequestId, String fingerprint, Instant now);

    /** Records which ledger entry the request produced (an unconditional update of the claim). */
    void recordResult(BrandId brand, String customRequestId, CardNumber card, long sequence);

    /** Stores the response body sent for the request (adapter use; the domain never reads the body's content). */
    void storeResponse(BrandId brand, String customRequestId, String responseBody);

    /** The outcome of a claim. */
    sealed interface Claim {
        record Claimed() implements Claim {
        }

        record Seen(IdempotencyRecord record) implements Claim {
            public Seen {
                Objects.requireNonNull(record, "record");
            }
        }
    }

    /** What is known about a claimed id. */
    record IdempotencyRecord(String fingerprint, Instant claimedAt, Optional<ResultRef> result,
                             Optional<String> responseBody) {
        public IdempotencyRecord {
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(claimedAt, "claimedAt");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(responseBody, "responseBody");
        }
    }

    /** The ledger entry a request produced. */
    record ResultRef(CardNumber card, long sequence) {
        public ResultRef {
            Objects.requireNonNull(card, "card");
        }
    }
}
