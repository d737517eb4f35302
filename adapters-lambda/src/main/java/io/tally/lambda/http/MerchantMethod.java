package io.tally.lambda.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.shared.Outcome;

/**
 * One method of the merchant API ({@code POST /merchant/{name}}): turns the request into a command,
 * runs the use case and returns the fields of the success envelope, or the rejection.
 * Implementations are thin: no business rules here.
 */
public interface MerchantMethod {
    String name();

    Outcome<ObjectNode> handle(MerchantRequest request);

    /** How this method honours a {@code customRequestId} header; see {@link RequestIdUse}. */
    default RequestIdUse requestIdUse() {
        return RequestIdUse.IGNORED;
    }

    /**
     * Who decides whether a request with a customRequestId is new, a repeat or a reuse. Whoever decides, a repeat
     * answers with the body first sent (byte for byte) and a reuse with another request is REQUEST_ID_REUSED.
     */
    enum RequestIdUse {
        /** Reads: a repeat simply reads again. */
        IGNORED,
        /**
         * The domain's ledger writer claims the id with the fingerprint of the operation and replays the entry it
         * produced (ledger-changing methods); the API only keeps the response body next to that claim.
         */
        CLAIMED_BY_DOMAIN,
        /**
         * The use case knows nothing of request ids (allocate, profile updates): the API claims the id itself with
         * a fingerprint of the method and the request body, and does not pass the id on.
         */
        CLAIMED_BY_API
    }
}
