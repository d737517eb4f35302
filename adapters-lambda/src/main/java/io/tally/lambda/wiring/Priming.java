package io.tally.lambda.wiring;

import java.time.Instant;
import io.tally.sqs.obs.Level;
import io.tally.sqs.obs.LogLine;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dagger.Lazy;
import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.CachedMerchantAccess;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.lambda.http.MerchantApi;
import io.tally.sqs.event.EventJson;
import io.tally.sqs.json.WireJson;
import io.tally.sqs.wiring.SecureRandomSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.crac.Context;
import org.crac.Resource;

/**
 * SnapStart priming through the org.crac hooks. Lambda snapshots a function after init; whatever ran before
 * the snapshot is loaded, linked and partly compiled in every instance restored from it. The hooks'
 * {@code beforeCheckpoint} therefore runs, once, what a first request runs: Jackson reading and writing a
 * merchant body, the Dagger-built merchant API with a request that authentication refuses, and the DynamoDB
 * client (marshalling, signing, the url-connection client) through the adapters: reads of keys that cannot
 * exist (BatchGetItem, Query, GetItem) and a conditional PutItem whose condition cannot hold (stored version
 * 0; versions start at 1). The SQS client is not primed: every SQS call that would exercise it either sends
 * or needs extra permissions.
 *
 * <p>It never writes: the merchant call names a read-only method and carries a secret no key can have (seeds
 * may state secrets of 16 characters or more, generated ones are 256-bit random); the storage calls are reads
 * or a write refused by its condition. Anything random drawn meanwhile (the request's requestRef) is
 * forgotten before the snapshot, so no two restored instances share random state. Nothing priming loaded is
 * left in the authentication cache either: its credentials name no stored key, so their load is incomplete and
 * never cached, and the cache is cleared after priming all the same, so no restored instance answers a request
 * from a record read before the snapshot. A failure is reported and swallowed: priming only makes the first
 * request faster.
 */
public final class Priming {
    /** Valid identifiers, so the request gets as far as the storage read. */
    static final String KEY = "snapstart-priming";
    static final String BRAND = "SNAPSTART-PRIMING";
    private static final String SECRET = "not-a-secret";
    static final CardNumber CARD = new CardNumber("6000000000000007");
    private static final String SAMPLE_BODY = "{\"cardNumber\":\"6000000000000007\",\"action\":\"redeem\","
            + "\"amount\":{\"balanceType\":\"Currency\",\"balanceCode\":\"USD\",\"amount\":12.50},\"returnBalances\":true}";
    private static final String SAMPLE_EVENT = "{\"id\":\"priming\",\"type\":\"card.redeemed\",\"brand\":\"" + BRAND
            + "\",\"occurredAt\":\"2020-01-01T00:00:00Z\",\"data\":{\"amount\":\"1250\"}}";

    private final Lazy<MerchantApi> api;
    private final DynamoStorage storage;
    private final WireJson json;
    private final EventJson events;
    private final SecureRandomSource random;
    private final CachedMerchantAccess merchantAccess;
    private final PrintStream log;

    Priming(Lazy<MerchantApi> api, DynamoStorage storage, WireJson json, EventJson events, SecureRandomSource random,
            CachedMerchantAccess merchantAccess, PrintStream log) {
        this.api = api;
        this.storage = storage;
        this.json = json;
        this.events = events;
        this.random = random;
        this.merchantAccess = merchantAccess;
        this.log = log;
    }

    /** The merchant API function's hook: register it, and keep a reference (org.crac holds resources weakly). */
    public Resource merchantApiHook() {
        return hook(this::primeMerchantApi);
    }

    /** The hook of the functions that never serve a merchant call (events consumer, periodic jobs): JSON and storage. */
    public Resource backgroundFunctionHook() {
        return hook(this::primeBackgroundFunction);
    }

    /** Runs the merchant request path once; true if every step ran as expected. Never writes to storage. */
    public boolean primeMerchantApi() {
        return guarded(() -> {
            json.writeValueAsString(json.readTree(SAMPLE_BODY.getBytes(StandardCharsets.UTF_8)));
            APIGatewayV2HTTPResponse refused = api.get().handle(refusedRequest());
            primeStorage();
            if (refused.getStatusCode() != 401) {
                throw new IllegalStateException("unexpected status " + refused.getStatusCode());
            }
        });
    }

    /** Runs the background functions' JSON and storage reads once; never writes to storage. */
    public boolean primeBackgroundFunction() {
        return guarded(() -> {
            events.write(events.read(SAMPLE_EVENT));
            primeStorage();
        });
    }

    private void primeStorage() {
        BrandId brand = new BrandId(BRAND);
        storage.programs().catalogue(brand);
        storage.programs().cardSet(brand, new CardSetId("PRIMING"));
        storage.primeMappings(brand, CARD);
        storage.cardLedger().head(brand, CARD);
        storage.cardLedger().cardWithHead(storage.cards(), brand, CARD);
        // a conditional PutItem that cannot succeed: it requires stored version 0, and versions start at 1
        if (storage.cards().update(Card.unallocated(brand, CARD, new ProgramId("PRIMING"), new CardSetId("PRIMING")))
                == CardPort.WriteOutcome.WRITTEN) {
            throw new IllegalStateException("priming wrote a card");
        }
    }

    private interface Step {
        void run() throws IOException;
    }

    private boolean guarded(Step step) {
        try {
            step.run();
            return true;
        } catch (IOException | RuntimeException e) {
            LogLine.detached(log, Level.WARN, "priming failed", Instant.now()).field("error", e.getClass().getSimpleName()).write();
            return false;
        } finally {
            random.forget();
            merchantAccess.clear();
        }
    }

    private static Resource hook(java.util.function.BooleanSupplier prime) {
        return new Resource() {
            @Override
            public void beforeCheckpoint(Context<? extends Resource> context) {
                prime.getAsBoolean();
            }

            @Override
            public void afterRestore(Context<? extends Resource> context) {
                // nothing to redo: clients reconnect on first use, the random source is created on first use
            }
        };
    }

    private static APIGatewayV2HTTPEvent refusedRequest() {
        String auth = "Basic " + Base64.getEncoder().encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("POST /merchant/{method}")
                .withRawPath("/merchant/listValueType")
                .withHeaders(Map.of("authorization", auth, "brand", BRAND, "location", "PRIMING", "terminal", "PRIMING",
                        "content-type", "application/json"))
                .withPathParameters(Map.of("method", "listValueType"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST")
                                .withPath("/merchant/listValueType").build())
                        .build())
                .withBody(SAMPLE_BODY)
                .withIsBase64Encoded(false)
                .build();
    }
}
