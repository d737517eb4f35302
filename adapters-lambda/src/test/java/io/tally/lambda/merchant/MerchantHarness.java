package io.tally.lambda.merchant;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.tally.domain.campaign.CheckoutConfig;
import io.tally.domain.campaign.CheckoutConfigPort;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Pins;
import io.tally.domain.coupon.CouponSet;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.coupon.CouponsUseCase;
import io.tally.domain.engagement.RecordEventUseCase;
import io.tally.domain.fakes.InMemoryCardMailings;
import io.tally.domain.fakes.InMemoryCouponPort;
import io.tally.domain.fakes.InMemoryEventDefinitions;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.program.ListValueTypesUseCase;
import io.tally.domain.provisioning.ApplySeedUseCase;
import io.tally.domain.provisioning.Seed;
import io.tally.domain.shared.Backoff;
import io.tally.domain.shared.RetryPolicy;
import io.tally.domain.shared.Sealer;
import io.tally.domain.tenant.AuthenticateMerchantUseCase;
import io.tally.domain.tenant.BrandId;
import io.tally.lambda.http.MerchantApi;
import io.tally.lambda.http.MerchantMethod;
import io.tally.lambda.http.RateLimiter;
import io.tally.lambda.http.RequestLog;
import io.tally.lambda.http.RequestRefs;
import io.tally.sqs.json.WireJson;
import io.tally.lambda.wiring.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole merchant API on TestWorld's in-memory fakes: brands ACME and OTHER, each with location store-1,
 * terminal pos-1, employee alice and an API key; calls go through {@link MerchantApi#handle} with fake
 * API Gateway events, exactly as Lambda delivers them.
 */
final class MerchantHarness {
    static final Map<BrandId, String> SECRETS = Map.of(TestWorld.BRAND, "acme-secret-0001", TestWorld.OTHER_BRAND, "other-secret-0001");
    final TestWorld world;
    /** Coupons of the coupon methods, and the coupon sets each brand's checkout configuration knows. */
    final InMemoryCouponPort coupons = new InMemoryCouponPort();
    final Set<CouponSetId> couponSets = ConcurrentHashMap.newKeySet();
    /** Event definitions of recordEvent. */
    final InMemoryEventDefinitions eventDefinitions = new InMemoryEventDefinitions();
    final WireJson json = new WireJson();
    final MerchantApi api;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();
    final InMemoryCardMailings mailings = new InMemoryCardMailings();

    MerchantHarness() {
        this(new TestWorld());
    }

    MerchantHarness(TestWorld world) {
        this.world = world;
        List<Seed.BrandSeed> brands = SECRETS.keySet().stream().sorted(java.util.Comparator.comparing(BrandId::value))
                .map(b -> new Seed.BrandSeed(b.value(), b.value(), false, List.of(),
                        List.of(new Seed.LocationSeed("store-1", null, null)),
                        List.of(new Seed.TerminalSeed("store-1", "pos-1", null)),
                        List.of(new Seed.EmployeeSeed("store-1", "alice", "Alice", "1234")), List.of(),
                        List.of(new Seed.ApiKeySeed(b.value().toLowerCase() + "-key", null, SECRETS.get(b))))).toList();
        CheckoutConfigPort configs = brand -> new CheckoutConfig(brand, TestWorld.USD, ZoneOffset.UTC, couponSets.stream()
                .map(id -> new CouponSet(brand, id, id.value(), Optional.empty(), Optional.empty())).toList(), Map.of(), List.of());
        CouponsUseCase couponUseCases = new CouponsUseCase(coupons, world.cards, configs, new SeededRandom(21), world.clock,
                RetryPolicy.of(8, Backoff.NONE));
        new ApplySeedUseCase(world.programs, world.cards, world.events, new SeededRandom(3), world.clock).apply(new Seed(brands), true);
        List<MerchantMethod> methods = List.of(
                new io.tally.lambda.merchant.ListValueTypeMethod(new ListValueTypesUseCase(world.programs), json),
                new AllocateMethod(world.allocate, json),
                new UpdateBalanceMethod(world.issue, world.redeem, world.hold, world.redeemFromHold, world.release,
                        world.queries, world.programs, json),
                new SearchMethod(world.queries, world.programs, couponUseCases, mailings, json),
                new UpdateAccountMethod(world.account, json),
                new CardHistoryMethod(world.queries, world.programs, json),
                new VoidTransactionMethod(world.voids, world.programs, json),
                new AllocateCouponMethod(couponUseCases, json),
                new CouponLookupMethod(couponUseCases, json),
                new UpdateCouponMethod(couponUseCases, json),
                new ListCouponsMethod(couponUseCases, json),
                new RecordEventMethod(new RecordEventUseCase(world.cards, eventDefinitions, world.events,
                        new SeededRandom(23), world.clock), json));
        api = new MerchantApi(new AuthenticateMerchantUseCase(world.programs), methods, json,
                new RequestRefs(new SeededRandom(99)), new RequestLog(new PrintStream(log, true, StandardCharsets.UTF_8), true),
                new RateLimiter(1_000_000, 1_000_000, () -> 0L), world.idempotency, world.clock,
                new Sealer(Settings.LOCAL_SEAL_SECRET, new SeededRandom(13)), new SeededRandom(17));
    }

    /** A response: HTTP status, the raw body (for byte-for-byte comparisons) and the parsed body. */
    record Response(int status, String raw, JsonNode body) {
        boolean ok() {
            return status == 200 && body.get("success").asBoolean();
        }

        int code() {
            return body.path("errorCode").asInt(0);
        }

        String message() {
            return body.path("errorMessage").asText();
        }

        JsonNode get(String field) {
            return body.get(field);
        }
    }

    Response call(String method, String body) {
        return call(TestWorld.BRAND, method, body, Map.of());
    }

    Response call(String method, String body, Map<String, String> extraHeaders) {
        return call(TestWorld.BRAND, method, body, extraHeaders);
    }

    Response call(BrandId brand, String method, String body, Map<String, String> extraHeaders) {
        Map<String, String> h = new HashMap<>();
        String credentials = brand.value().toLowerCase() + "-key:" + SECRETS.get(brand);
        h.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        h.put("brand", brand.value());
        h.put("Location", "store-1");
        h.put("terminal", "pos-1");
        h.put("content-type", "application/json");
        h.putAll(extraHeaders);
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath("/merchant/" + method).build();
        var event = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRawPath("/merchant/" + method).withHeaders(h)
                .withPathParameters(Map.of("method", method)).withBody(body).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http).build()).build();
        APIGatewayV2HTTPResponse r = api.handle(event);
        try {
            return new Response(r.getStatusCode(), r.getBody(), json.readTree(r.getBody()));
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + r.getBody(), e);
        }
    }

    /** JSON text from a relaxed form: single quotes for double quotes, to keep test bodies readable. */
    static String j(String relaxed) {
        return relaxed.replace('\'', '"');
    }

    /** An ACME card with value already issued (in cents). */
    CardNumber cardWith(long cents) {
        CardNumber card = world.activeCard();
        if (cents > 0) {
            world.issue(card, cents).value();
        }
        return card;
    }

    /** An ACTIVE card of the brand whose PIN is {@code pin}. */
    CardNumber cardWithPin(BrandId brand, String pin) {
        CardNumber number = world.poolCard(brand);
        var card = world.cards.load(brand, number).orElseThrow();
        world.cards.allocate(card.activated(Pins.hash(pin, new SeededRandom(5)), world.clock.instant()));
        return number;
    }

    List<LedgerEntry> ledger(CardNumber card) {
        return world.ledger.all(TestWorld.BRAND, card);
    }

    /** A valid (Luhn) card number that no brand has. */
    static CardNumber unknownCard() {
        String payload = "603699999999999999";
        return new CardNumber(payload + CardNumber.luhnCheckDigit(payload));
    }
}
