package io.tally.bench.jmh;

import io.tally.bench.CheckoutMix;
import io.tally.domain.campaign.CampaignEngine;
import io.tally.domain.campaign.CardFacts;
import io.tally.domain.campaign.CheckoutConfig;
import io.tally.domain.campaign.Evaluation;
import io.tally.domain.campaign.Situation;
import io.tally.domain.card.CardNumber;
import io.tally.domain.coupon.CouponSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.program.ValueTypeLimits;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link CampaignEngine#evaluate} alone, pure and in memory, as the number of the brand's campaigns ({@link CheckoutMix}'s
 * mix) and of the basket's lines grow: a card checkout at a location none of the location campaigns name.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CampaignEvaluationBenchmark {
    private static final BrandId BRAND = new BrandId("BENCH");
    private static final Instant AT = Instant.parse("2025-01-01T12:00:00Z");

    @Param({"10", "100", "1000"})
    public int campaigns;

    @Param({"1", "20", "200"})
    public int lines;

    private CheckoutConfig config;
    private Situation situation;

    @Setup
    public void setUp() {
        config = new CheckoutConfig(BRAND, CheckoutMix.USD, ZoneOffset.UTC,
                List.of(new CouponSet(BRAND, CheckoutMix.COUPON_SET, "Bench coupons", Optional.empty(), Optional.empty())),
                CheckoutMix.SKU_TAGS, CheckoutMix.campaigns(BRAND, campaigns, AT));
        ProgramId program = new ProgramId("LOYALTY");
        Map<ValueTypeKey, ValueType> types = Map.of(
                CheckoutMix.POINTS, new ValueType(BRAND, program, CheckoutMix.POINTS, 0, ValueTypeLimits.NONE),
                CheckoutMix.PUNCHES, new ValueType(BRAND, program, CheckoutMix.PUNCHES, 0, ValueTypeLimits.NONE));
        CardFacts card = new CardFacts(new CardNumber("7200000000000011"), program, new CardSetId("BENCHL1"), false,
                Map.of(CheckoutMix.POINTS, 250L, CheckoutMix.PUNCHES, 3L), types, 5, Map.of());
        situation = new Situation(CheckoutMix.basket(lines), Optional.of(card), List.of(), new LocationId("BENCH001"),
                new LocationGroupId("STORES"), AT, Set.of());
        if (evaluate().explanations().size() != campaigns) {
            throw new IllegalStateException("every campaign is considered");
        }
    }

    @Benchmark
    public Evaluation evaluate() {
        return CampaignEngine.evaluate(config, situation);
    }
}
