package io.tally.lambda.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tally.domain.ledger.IdempotencyPort;
import io.tally.domain.ledger.LedgerLimits;
import io.tally.domain.shared.Fingerprint;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.util.Iterator;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Idempotent replay of state-changing calls that carry a {@code customRequestId}: the first successful response
 * body is kept next to the id's claim ({@link IdempotencyPort#storeResponse}) and a repeat gets exactly that body
 * again (same requestRef, same transactionId, same PIN) while nothing changes. Failures are never stored: a
 * retry of a refused request runs again. Who claims the id is the method's {@link MerchantMethod.RequestIdUse}.
 */
final class Replays {
    /**
     * The fingerprint passed when a claim is only a read: a ledger method has just had the domain claim (or find)
     * the id, so the record exists and keeps the domain's fingerprint; the port has no separate read.
     */
    private static final String READ_ONLY = "read-after-domain-claim";

    private final IdempotencyPort idempotency;
    private final Clock clock;
    private final Envelope envelope;

    Replays(IdempotencyPort idempotency, Clock clock, Envelope envelope) {
        this.idempotency = idempotency;
        this.clock = clock;
        this.envelope = envelope;
    }

    APIGatewayV2HTTPResponse respond(MerchantMethod method, MerchantRequest request, String requestId,
                                     MerchantApi.Call call, Supplier<APIGatewayV2HTTPResponse> invoke) {
        if (requestId.length() > LedgerLimits.MAX_REQUEST_ID) {
            call.errorCode = ApiError.INVALID_REQUEST.code();
            return envelope.failure(call.requestRef(), ApiError.INVALID_REQUEST,
                    "customRequestId is longer than " + LedgerLimits.MAX_REQUEST_ID + " characters.");
        }
        BrandId brand = request.context().brand();
        if (method.requestIdUse() == MerchantMethod.RequestIdUse.CLAIMED_BY_API) {
            String fingerprint = Fingerprint.of("api", method.name(), canonical(request.body()));
            IdempotencyPort.Claim claim = idempotency.claim(brand, requestId, fingerprint, clock.instant());
            if (claim instanceof IdempotencyPort.Claim.Seen seen) {
                if (!seen.record().fingerprint().equals(fingerprint)) {
                    call.errorCode = ApiError.REQUEST_ID_REUSED.code();
                    return envelope.failure(call.requestRef(), ApiError.REQUEST_ID_REUSED, null);
                }
                Optional<String> stored = seen.record().responseBody();
                if (stored.isPresent()) {
                    return replayed(call, stored.get());
                }
                // claimed before but never answered with success (refused, or lost mid-flight): run it now
            }
            return keep(brand, requestId, invoke.get());
        }
        APIGatewayV2HTTPResponse fresh = invoke.get();
        if (fresh.getStatusCode() != 200) {
            return fresh;
        }
        // The domain has claimed the id (or found it claimed) and answered; a body stored by the first success wins.
        IdempotencyPort.Claim claim = idempotency.claim(brand, requestId, READ_ONLY, clock.instant());
        if (claim instanceof IdempotencyPort.Claim.Seen seen && seen.record().responseBody().isPresent()) {
            return replayed(call, seen.record().responseBody().get());
        }
        return keep(brand, requestId, fresh);
    }

    private APIGatewayV2HTTPResponse keep(BrandId brand, String requestId, APIGatewayV2HTTPResponse response) {
        if (response.getStatusCode() == 200) {
            idempotency.storeResponse(brand, requestId, response.getBody());
        }
        return response;
    }

    private APIGatewayV2HTTPResponse replayed(MerchantApi.Call call, String body) {
        call.replayed = true;
        return envelope.stored(body);
    }

    /** The body with object keys sorted, so that key order alone does not make a request "different". */
    static String canonical(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                sorted.put(name, node.get(name));
            }
            StringBuilder s = new StringBuilder("{");
            sorted.forEach((k, v) -> s.append(TextNode.valueOf(k)).append(':').append(canonical(v)).append(','));
            return s.append('}').toString();
        }
        if (node.isArray()) {
            StringBuilder s = new StringBuilder("[");
            node.forEach(v -> s.append(canonical(v)).append(','));
            return s.append(']').toString();
        }
        return node.toString();
    }
}
