package io.tally.bench.jmh;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tally.bench.probe.MerchantEvents;
import io.tally.domain.campaign.CheckoutConfig;
import io.tally.domain.card.CardNumber;
import io.tally.domain.coupon.CouponsUseCase;
import io.tally.domain.fakes.InMemoryCardMailings;
import io.tally.domain.fakes.InMemoryCouponPort;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.program.ListValueTypesUseCase;
import io.tally.domain.provisioning.ApplySeedUseCase;
import io.tally.domain.provisioning.Seed;
import io.tally.domain.shared.Backoff;
import io.tally.domain.shared.RetryPolicy;
import io.tally.domain.shared.Sealer;
import io.tally.domain.tenant.AuthenticateMerchantUseCase;
import io.tally.lambda.http.MerchantApi;
import io.tally.lambda.http.MerchantMethod;
import io.tally.lambda.http.RateLimiter;
import io.tally.lambda.http.RequestLog;
import io.tally.lambda.http.RequestRefs;
import io.tally.sqs.json.WireJson;
import io.tally.lambda.merchant.ListValueTypeMethod;
import io.tally.lambda.merchant.SearchMethod;
import io.tally.lambda.merchant.UpdateBalanceMethod;
import io.tally.lambda.wiring.Settings;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The merchant API's own cost per request, storage excluded: the same {@link MerchantApi} the Lambda handler
 * runs (envelope, auth, JSON, method, use case), over the domain's in-memory ports, so what is measured is
 * the code around the storage round trips. Figure 2 measures the same thing on dynalite as wall time minus
 * time inside SDK calls; this is its noise-free cross-check.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HandlerOverheadBenchmark {
    static final String SECRET = "jmh-secret-not-for-production";

    private MerchantApi api;
    private APIGatewayV2HTTPEvent listValueType;
    private APIGatewayV2HTTPEvent balance;
    private APIGatewayV2HTTPEvent redeem;

    @Setup
    public void setUp() {
        TestWorld world = new TestWorld();
        String brand = TestWorld.BRAND.value();
        new ApplySeedUseCase(world.programs, world.cards, world.events, new SeededRandom(3), world.clock).apply(new Seed(List.of(
                new Seed.BrandSeed(brand, brand, false, List.of(), List.of(new Seed.LocationSeed("store-1", null, null)),
                        List.of(new Seed.TerminalSeed("store-1", "pos-1", null)), List.of(), List.of(),
                        List.of(new Seed.ApiKeySeed("jmh-key", null, SECRET))))), true);
        WireJson json = new WireJson();
        List<MerchantMethod> methods = List.of(
                new ListValueTypeMethod(new ListValueTypesUseCase(world.programs), json),
                new UpdateBalanceMethod(world.issue, world.redeem, world.hold, world.redeemFromHold, world.release,
                        world.queries, world.programs, json),
                new SearchMethod(world.queries, world.programs, new CouponsUseCase(new InMemoryCouponPort(), world.cards,
                        CheckoutConfig::empty, world.random, world.clock, RetryPolicy.of(8, Backoff.NONE)),
                        new InMemoryCardMailings(), json));
        api = new MerchantApi(new AuthenticateMerchantUseCase(world.programs), methods, json,
                new RequestRefs(new SeededRandom(99)), new RequestLog(new PrintStream(OutputStream.nullOutputStream()), true),
                new RateLimiter(1e12, 1_000_000_000, System::nanoTime), world.idempotency, world.clock,
                new Sealer(Settings.LOCAL_SEAL_SECRET, new SeededRandom(13)), new SeededRandom(17));
        CardNumber card = world.activeCard();
        world.issue(card, 9_000_000_000L).value();
        MerchantEvents events = new MerchantEvents("jmh-key", SECRET, brand, "store-1", "pos-1");
        listValueType = events.post("listValueType", "{}");
        balance = events.post("search", io.tally.bench.Bodies.balance(card.value()));
        redeem = events.post("updateBalance", io.tally.bench.Bodies.redeem(card.value(), "0.01"));
        for (APIGatewayV2HTTPEvent e : List.of(listValueType, balance, redeem)) {
            if (api.handle(e).getStatusCode() != 200) {
                throw new IllegalStateException("setup call failed: " + api.handle(e).getBody());
            }
        }
    }

    @Benchmark
    public APIGatewayV2HTTPResponse listValueType() {
        return api.handle(listValueType);
    }

    @Benchmark
    public APIGatewayV2HTTPResponse balanceCheck() {
        return api.handle(balance);
    }

    @Benchmark
    public APIGatewayV2HTTPResponse redeem() {
        return api.handle(redeem);
    }
}
