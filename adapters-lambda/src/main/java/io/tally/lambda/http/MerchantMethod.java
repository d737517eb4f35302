package io.tally.lambda.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.shared.Outcome;
import java.util.Set;

/**
 * One method of the merchant API ({@code POST /merchant/{name}}): turns the request into a command,
 * runs the use case and returns the fields of the success envelope, or the rejection.
 * Implementations are thin: no business rules here.
 */
public interface MerchantMethod {
    String name();

    Outcome<ObjectNode> handle(MerchantRequest request);

    /** Whether this method honours a {@code customRequestId} header (state-changing methods do). */
    default RequestIdUse requestIdUse() {
        return RequestIdUse.IGNORED;
    }

    /**
     * Top-level request fields that only shape the answer (e.g. {@code returnBalances}): a repeat that differs in them
     * is still the same request, and gets the first answer.
     */
    default Set<String> outputOnlyFields() {
        return Set.of();
    }

    /** Whether a successful answer holds a secret (a PIN): then it rests sealed while it waits to be replayed. */
    default boolean answerHoldsSecret() {
        return false;
    }

    /**
     * Whether a request with a customRequestId is claimed ({@code Replays}): a repeat answers the body first sent (byte
     * for byte), a duplicate during the first call is 409, a reuse with another request is REQUEST_ID_REUSED.
     */
    enum RequestIdUse {
        /** Reads: a repeat simply reads again. */
        IGNORED,
        /** State changes: the API claims the id with a fingerprint of the method and the request body. */
        IDEMPOTENT,
        /**
         * State changes whose whole effect is one ledger entry on one card, which carries the request's mark: the
         * card's conditional append serialises every attempt of the request and answers a repeat from the entry (same
         * requestRef, same body). The API only records the id at first sight (fingerprint, since when), with no lease
         * and no stored answer: a duplicate during the first call waits for the card instead of getting 409, and the
         * request costs one write more than without an id, not two.
         */
        LEDGER
    }
}
