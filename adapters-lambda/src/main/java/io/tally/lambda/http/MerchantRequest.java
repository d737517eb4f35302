package io.tally.lambda.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.tenant.MerchantContext;
import java.util.Map;
import java.util.Optional;

/**
 * An authenticated merchant call: who calls, the JSON body (always an object), the optional context
 * headers ({@code customRequestId}, {@code externalTransactionId}, {@code note}), the request's ref and, when the call
 * holds the claim of its customRequestId, that claim ({@link IdempotentCall}).
 */
public record MerchantRequest(MerchantContext context, ObjectNode body, Map<String, String> headers, String requestRef,
                              Optional<IdempotentCall> idempotency) {
    public MerchantRequest(MerchantContext context, ObjectNode body, Map<String, String> headers, String requestRef) {
        this(context, body, headers, requestRef, Optional.empty());
    }

    /** This call, holding the claim of its customRequestId. */
    public MerchantRequest holding(IdempotentCall call) {
        return new MerchantRequest(context, body, headers, requestRef, Optional.of(call));
    }

    /** A header by its lower-case name, absent when missing or blank. */
    public Optional<String> header(String lowerCaseName) {
        String v = headers.get(lowerCaseName);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }
}
