package io.tally.bench.jmh;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tally.bench.CheckoutMix;
import io.tally.bench.probe.MerchantEvents;
import io.tally.domain.campaign.CheckoutConfig;
import io.tally.domain.card.CardNumber;
import io.tally.domain.coupon.CouponSet;
import io.tally.domain.fakes.CheckoutWorld;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.provisioning.ApplySeedUseCase;
import io.tally.domain.provisioning.Seed;
import io.tally.domain.shared.Sealer;
import io.tally.domain.tenant.AuthenticateMerchantUseCase;
import io.tally.lambda.http.MerchantApi;
import io.tally.lambda.http.MerchantMethod;
import io.tally.lambda.http.RateLimiter;
import io.tally.lambda.http.RequestLog;
import io.tally.lambda.http.RequestRefs;
import io.tally.sqs.json.WireJson;
import io.tally.lambda.merchant.CheckoutMethod;
import io.tally.lambda.merchant.UpdateBalanceMethod;
import io.tally.lambda.wiring.Settings;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The merchant {@code checkout}'s own cost, storage excluded, like {@link HandlerOverheadBenchmark}: the same
 * {@link MerchantApi} and {@link CheckoutMethod} over the domain's in-memory ports ({@link CheckoutWorld}), 50 campaigns
 * of {@link CheckoutMix}, a 20-line basket, a customRequestId on every call; and the redeem with a customRequestId
 * beside it. The world is rebuilt every {@link #CALLS_PER_WORLD} calls so the in-memory ledger stays small (that call
 * lands in the p99, never the p50).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CheckoutOverheadBenchmark {
    private static final int CALLS_PER_WORLD = 2_000;

    private MerchantApi api;
    private APIGatewayV2HTTPEvent checkout;
    private APIGatewayV2HTTPEvent redeem;
    private long calls;

    @Setup
    public void setUp() {
        build();
    }

    private void build() {
        CheckoutWorld shop = new CheckoutWorld();
        TestWorld world = shop.world;
        String brand = TestWorld.BRAND.value();
        new ApplySeedUseCase(world.programs, world.cards, world.events, new SeededRandom(3), world.clock).apply(new Seed(List.of(
                new Seed.BrandSeed(brand, brand, false, List.of(), List.of(new Seed.LocationSeed("store-1", null, null)),
                        List.of(new Seed.TerminalSeed("store-1", "pos-1", null)), List.of(), List.of(),
                        List.of(new Seed.ApiKeySeed("jmh-key", null, HandlerOverheadBenchmark.SECRET))))), true);
        shop.config = new CheckoutConfig(TestWorld.BRAND, CheckoutMix.USD, ZoneOffset.UTC,
                List.of(new CouponSet(TestWorld.BRAND, CheckoutMix.COUPON_SET, "Bench coupons", Optional.empty(), Optional.empty())),
                CheckoutMix.SKU_TAGS, CheckoutMix.campaigns(TestWorld.BRAND, 50, world.clock.instant()));
        WireJson json = new WireJson();
        List<MerchantMethod> methods = List.of(new CheckoutMethod(shop.checkout, world.programs, json),
                new UpdateBalanceMethod(world.issue, world.redeem, world.hold, world.redeemFromHold, world.release,
                        world.queries, world.programs, json));
        api = new MerchantApi(new AuthenticateMerchantUseCase(world.programs), methods, json,
                new RequestRefs(new SeededRandom(99)), new RequestLog(new PrintStream(OutputStream.nullOutputStream()), true),
                new RateLimiter(1e12, 1_000_000_000, System::nanoTime), world.idempotency, world.clock,
                new Sealer(Settings.LOCAL_SEAL_SECRET, new SeededRandom(13)), new SeededRandom(17));
        CardNumber card = world.activeCard();
        CardNumber gift = world.activeCard();
        world.issue(gift, 9_000_000_000L).value();
        MerchantEvents events = new MerchantEvents("jmh-key", HandlerOverheadBenchmark.SECRET, brand, "store-1", "pos-1");
        checkout = events.post("checkout", CheckoutMix.body(card.value(), 20, Optional.empty()), Map.of("customrequestid", "jmh-0"));
        redeem = events.post("updateBalance", io.tally.bench.Bodies.redeem(gift.value(), "0.01"), Map.of("customrequestid", "jmh-r0"));
        for (APIGatewayV2HTTPEvent e : List.of(checkout, redeem)) {
            APIGatewayV2HTTPResponse r = api.handle(e);
            if (r.getStatusCode() != 200 || !r.getBody().contains("\"success\":true")) {
                throw new IllegalStateException("setup call failed: " + r.getBody());
            }
        }
    }

    @Benchmark
    public APIGatewayV2HTTPResponse checkout() {
        return call(checkout);
    }

    @Benchmark
    public APIGatewayV2HTTPResponse redeemWithRequestId() {
        return call(redeem);
    }

    private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        if (++calls % CALLS_PER_WORLD == 0) {
            build();
        }
        event.getHeaders().put("customrequestid", "jmh-" + calls);
        return api.handle(event);
    }
}
