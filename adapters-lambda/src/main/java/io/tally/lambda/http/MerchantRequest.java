package io.tally.lambda.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.tenant.MerchantContext;
import java.util.Map;
import java.util.Optional;

/**
 * An authenticated merchant call: who calls, the JSON body (always an object), the optional context
 * headers ({@code customRequestId}, {@code externalTransactionId}, {@code note}) and the request's ref.
 */
public record MerchantRequest(MerchantContext context, ObjectNode body, Map<String, String> headers, String requestRef) {

    /** A header by its lower-case name, absent when missing or blank. */
    public Optional<String> header(String lowerCaseName) {
        String v = headers.get(lowerCaseName);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }
}
