package io.tally.lambda.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tally.domain.ledger.IdempotencyPort.Claim;
import io.tally.domain.ledger.IdempotencyPort;
import io.tally.domain.ledger.LedgerLimits;
import io.tally.domain.shared.Fingerprint;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.Sealer;
import io.tally.domain.tenant.BrandId;
import io.tally.sqs.json.WireJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Idempotent state-changing calls that carry a {@code customRequestId}, in the pattern of Powertools' idempotency
 * utility ({@link IdempotencyPort}): the call claims the id IN_PROGRESS for {@link #LEASE}; a duplicate meanwhile is
 * answered 409 (code 32) and changes nothing; the first successful answer completes the claim and every repeat gets
 * exactly that body again (same requestRef, same transactionId, same card and PIN); a refused request gives the claim
 * back, so a retry runs again. A call that died mid-way leaves its claim to lapse; the retry after the lease takes it
 * over and finishes the same effect (the ledger finds the entry already written; an allocation its recorded choice).
 * Answers that hold a secret (a PIN) rest sealed ({@link Sealer}). Nothing that fails after the effect (completing
 * the record) turns a success into an error: the answer is sent, and a repeat is then answered by taking the lapsed
 * claim over, which finds the effect done.
 *
 * <p>Ledger methods ({@link MerchantMethod.RequestIdUse#LEDGER}) claim without a lease and never complete: their entry
 * carries the request's mark, so every attempt (a duplicate during the first call included) meets on the card's
 * conditional append, and a repeat takes the lapsed claim over and is answered from the entry, with the first
 * requestRef. That is one write (the claim) on top of the request, instead of two.
 */
final class Replays {
    /** How long a call may hold its claim: longer than any call runs (the function's timeout). */
    static final Duration LEASE = Duration.ofSeconds(30);
    private static final int TOKEN_BYTES = 16;

    private final IdempotencyPort idempotency;
    private final Clock clock;
    private final Envelope envelope;
    private final Sealer sealer;
    private final RandomSource random;
    private final RequestLog log;

    Replays(IdempotencyPort idempotency, Clock clock, Envelope envelope, Sealer sealer, RandomSource random, RequestLog log) {
        this.idempotency = idempotency;
        this.clock = clock;
        this.envelope = envelope;
        this.sealer = sealer;
        this.random = random;
        this.log = log;
    }

    APIGatewayV2HTTPResponse respond(MerchantMethod method, MerchantRequest request, String requestId,
                                     MerchantApi.Call call, Function<MerchantRequest, APIGatewayV2HTTPResponse> invoke) {
        if (requestId.length() > LedgerLimits.MAX_REQUEST_ID) {
            return call.fail(envelope, ApiError.INVALID_REQUEST,
                    "customRequestId is longer than " + LedgerLimits.MAX_REQUEST_ID + " characters.");
        }
        BrandId brand = request.context().brand();
        String fingerprint = Fingerprint.of("api", method.name(), canonical(request.body(), method.outputOnlyFields()));
        String token = token();
        Instant now = clock.instant();
        boolean ledger = method.requestIdUse() == MerchantMethod.RequestIdUse.LEDGER;
        // a ledger method's record has no lease: the card, not the record, serialises its attempts
        Claim claim = idempotency.claim(brand, requestId, fingerprint, token, now, ledger ? now : now.plus(LEASE));
        if (claim instanceof Claim.Reused) {
            return call.fail(envelope, ApiError.REQUEST_ID_REUSED, null);
        }
        if (claim instanceof Claim.InProgress) {
            return call.fail(envelope, ApiError.IN_PROGRESS, null);
        }
        if (claim instanceof Claim.Completed done) {
            call.replayed();
            return envelope.stored(opened(done.record().response().orElseThrow(), brand, requestId));
        }
        IdempotentCall held = new IdempotentCall(idempotency, sealer, brand, requestId, token,
                ((Claim.Claimed) claim).takenOver(), now);
        APIGatewayV2HTTPResponse response = invoke.apply(request.holding(held));
        try {
            if (ledger && response.getStatusCode() == 200) {
                return response; // the entry is the answer: nothing to complete (a repeat is answered from it)
            }
            if (response.getStatusCode() == 200) {
                String body = method.answerHoldsSecret() ? sealer.seal(response.getBody(), held.associated()) : response.getBody();
                idempotency.complete(brand, requestId, token, body);
            } else {
                idempotency.release(brand, requestId, token);
            }
        } catch (RuntimeException afterTheEffect) {
            log.fault(call.describe(), afterTheEffect); // the answer stands; the claim lapses and a repeat takes it over
        }
        return response;
    }

    private String opened(String stored, BrandId brand, String requestId) {
        return Sealer.isSealed(stored) ? sealer.open(stored, brand.value() + "\n" + requestId) : stored;
    }

    private String token() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * The body with object keys sorted and the top level's output-only fields left out, so that neither key order nor
     * a flag that only shapes the answer makes a request "different".
     */
    static String canonical(JsonNode node, Set<String> outputOnly) {
        if (!node.isObject()) {
            return canonical(node);
        }
        TreeMap<String, JsonNode> sorted = new TreeMap<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!outputOnly.contains(name)) {
                sorted.put(name, node.get(name));
            }
        });
        StringBuilder s = new StringBuilder("{");
        sorted.forEach((k, v) -> s.append(WireJson.nodeText(TextNode.valueOf(k))).append(':').append(canonical(v))
                .append(','));
        return s.append('}').toString();
    }

    /** The body with object keys sorted, so that key order alone does not make a request "different". */
    static String canonical(JsonNode node) {
        if (node.isObject()) {
            return canonical(node, Set.of());
        }
        if (node.isArray()) {
            StringBuilder s = new StringBuilder("[");
            Iterator<JsonNode> items = node.elements();
            items.forEachRemaining(v -> s.append(canonical(v)).append(','));
            return s.append(']').toString();
        }
        return WireJson.nodeText(node); // node.toString() would start databind's mapper
    }
}
