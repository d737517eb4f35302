package io.tally.lambda.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.Card;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.shared.SecretHasher;
import io.tally.domain.tenant.ApiKey;
import io.tally.domain.tenant.AuthenticateMerchantUseCase;
import io.tally.domain.tenant.Brand;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.CachedMerchantAccess;
import io.tally.domain.tenant.Location;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.Terminal;
import io.tally.domain.tenant.TerminalId;
import io.tally.dynamo.dynalite.DynaliteServer;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import io.tally.lambda.http.MerchantApi;
import io.tally.lambda.http.RateLimiter;
import io.tally.lambda.http.RequestLog;
import io.tally.lambda.http.RequestRefs;
import io.tally.sqs.event.EventJson;
import io.tally.sqs.json.WireJson;
import io.tally.sqs.wiring.SecureRandomSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** SnapStart priming runs the request path against real storage and leaves every stored item as it was. */
@ExtendWith(DynaliteExtension.class)
class PrimingIT {
    /** Never contacted: priming publishes nothing. */
    private static final URI NO_SQS = URI.create("http://127.0.0.1:9");

    @Test
    void primingChangesNoStoredState(DynaliteServer dynalite, @DynaliteExtension.Fresh DynamoTestTable table)
            throws Exception {
        storeSomething(table);
        Set<Map<String, AttributeValue>> before = scan(table);
        TallyComponent component = TallyComponent.create(
                Settings.local(table.tableName(), "http://127.0.0.1:9/000000000000/events", dynalite.endpoint(), NO_SQS));

        assertTrue(component.priming().primeMerchantApi());
        assertTrue(component.priming().primeBackgroundFunction());
        component.priming().merchantApiHook().beforeCheckpoint(null);
        component.priming().backgroundFunctionHook().beforeCheckpoint(null);

        assertEquals(before, scan(table));
    }

    @Test
    void primingForgetsTheRandomStateItDrew(DynaliteServer dynalite, DynamoTestTable table) {
        TallyComponent component = TallyComponent.create(
                Settings.local(table.tableName(), "http://127.0.0.1:9/000000000000/events", dynalite.endpoint(), NO_SQS)
                        .withRequestLog(false));
        SecureRandomSource random = new SecureRandomSource();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        DynamoStorage storage = new DynamoStorage(table.client(), table.tableName());
        Priming priming = new Priming(component::merchantApi, storage, new WireJson(), new EventJson(new WireJson()), random,
                new CachedMerchantAccess(storage.merchantAccess(), Clock.systemUTC(), Duration.ZERO, 1),
                new PrintStream(log, true, StandardCharsets.UTF_8));

        assertTrue(priming.primeMerchantApi());

        assertFalse(random.created(), "a generator seeded before the snapshot would be shared by every restored instance");
        assertEquals("", log.toString(StandardCharsets.UTF_8));
    }

    /**
     * The worst case for the authentication cache: the priming credentials exist (with another secret), so the
     * priming request's load is complete and would be cached. Nothing of it may reach the snapshot.
     */
    @Test
    void primingLeavesNothingInTheAuthenticationCache(DynaliteServer dynalite, @DynaliteExtension.Fresh DynamoTestTable table) {
        DynamoStorage storage = new DynamoStorage(table.client(), table.tableName());
        BrandId brand = new BrandId(Priming.BRAND);
        LocationId location = new LocationId("PRIMING");
        TerminalId terminal = new TerminalId("PRIMING");
        storage.provisioning().saveBrand(new Brand(brand, null, false));
        storage.provisioning().saveLocation(new Location(brand, location, new LocationGroupId("PRIMING"), null));
        storage.provisioning().saveTerminal(new Terminal(brand, location, terminal, null));
        storage.provisioning().createApiKey(new ApiKey(Priming.KEY, brand, "", SecretHasher.hashSecret(
                "another-secret-another-secret", new byte[16]), Instant.EPOCH, null));
        CachedMerchantAccess cache = new CachedMerchantAccess(storage.merchantAccess(), Clock.systemUTC(),
                Duration.ofSeconds(60), 10);
        SecureRandomSource random = new SecureRandomSource();
        MerchantApi api = new MerchantApi(new AuthenticateMerchantUseCase(cache), List.of(), new WireJson(),
                new RequestRefs(random), new RequestLog(System.out, false), new RateLimiter(100, 200, System::nanoTime));
        Priming priming = new Priming(() -> api, storage, new WireJson(), new EventJson(new WireJson()), random, cache,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertTrue(priming.primeMerchantApi());

        assertEquals(0, cache.size(), "an entry loaded before the snapshot would be served after a restore");
        cache.load(Priming.KEY, brand, location, terminal, Optional.empty());
        assertEquals(1, cache.size(), "the priming request's load was one the cache keeps");
    }

    private static void storeSomething(DynamoTestTable table) {
        // the worst case: the very card priming tries to update, stored in the priming brand
        new DynamoStorage(table.client(), table.tableName()).cards().create(Card.unallocated(new BrandId(Priming.BRAND),
                Priming.CARD, new ProgramId("PRIMING"), new CardSetId("PRIMING")));
        for (String pk : List.of("BRAND#" + Priming.BRAND, "APIKEY#" + Priming.KEY, "CARD#" + Priming.CARD.value())) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("PK", AttributeValue.fromS(pk));
            item.put("SK", AttributeValue.fromS("X"));
            item.put("n", AttributeValue.fromN("1"));
            table.client().putItem(PutItemRequest.builder().tableName(table.tableName()).item(item).build());
        }
    }

    private static Set<Map<String, AttributeValue>> scan(DynamoTestTable table) {
        return table.client().scanPaginator(ScanRequest.builder().tableName(table.tableName()).consistentRead(true).build())
                .items().stream().collect(Collectors.toSet());
    }
}
