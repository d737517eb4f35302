package io.tally.bench;

import io.tally.domain.campaign.Campaign;
import io.tally.domain.campaign.CheckoutConfigStore;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.coupon.CouponPort;
import io.tally.domain.coupon.CouponSet;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Figure 2's checkout rows: brand BENCH configured with {@link CheckoutMix}'s 50 campaigns (stored through
 * {@code DynamoStorage.checkoutConfigStore()}), a loyalty card per row, a 20-line basket, a customRequestId on every
 * call; with a coupon, a fresh coupon of the campaigns' set each call. The floor of these rows is not raw calls but
 * the merchant's {@code updateBalance} redeem with a customRequestId through the same handler, alternating, so the
 * ratio column reads "checkout / redeem" in one run.
 */
final class CheckoutWorkload {
    static final int CAMPAIGNS = 50;
    static final int LINES = 20;
    static final double OVERHEAD_TARGET_MS = 2.0;
    private static final BrandId BRAND = new BrandId(BenchWorld.BRAND);

    private final Workload workload;
    private final Options options;
    private final AtomicInteger floorIds = new AtomicInteger();

    CheckoutWorkload(Workload workload, Options options) {
        this.workload = workload;
        this.options = options;
    }

    List<Workload.Case> warmCases() {
        configure();
        String giftCard = workload.fundedCard("1000000.00");
        Runnable redeem = () -> {
            var event = workload.merchant().event("updateBalance", Bodies.redeem(giftCard, "0.01"),
                    Map.of("customrequestid", "co-floor-" + floorIds.incrementAndGet()));
            Merchant.parse(workload.merchant().invoke(event)).require("redeem (the checkout rows' floor)");
        };
        String floorName = "updateBalance redeem with customRequestId";
        String floorCalls = "the redeem's";
        List<Workload.Case> cases = new ArrayList<>();
        String plain = CheckoutMix.body(loyaltyCard(), LINES, Optional.empty());
        cases.add(new Workload.Case("checkout, " + LINES + " lines, " + CAMPAIGNS + " campaigns, customRequestId", "checkout",
                plain, redeem, floorCalls, true, null, OVERHEAD_TARGET_MS, floorName));
        String card = loyaltyCard();
        List<String> codes = coupons(options.warmWarmup() + options.warmSamples());
        AtomicInteger next = new AtomicInteger();
        cases.add(new Workload.Case("checkout with a coupon, " + LINES + " lines, " + CAMPAIGNS + " campaigns, customRequestId",
                "checkout", CheckoutMix.body(card, LINES, Optional.of(codes.get(0))), redeem, floorCalls, true,
                () -> CheckoutMix.body(card, LINES, Optional.of(codes.get(next.getAndIncrement()))), OVERHEAD_TARGET_MS, floorName));
        return cases;
    }

    private void configure() {
        CheckoutConfigStore config = workload.world().storage().checkoutConfigStore();
        config.saveSettings(BRAND, CheckoutMix.USD, ZoneOffset.UTC);
        config.saveCouponSet(new CouponSet(BRAND, CheckoutMix.COUPON_SET, "Bench coupons", Optional.empty(), Optional.empty()));
        CheckoutMix.SKU_TAGS.forEach((tag, skus) -> config.saveSkuTag(BRAND, tag, skus));
        for (Campaign c : CheckoutMix.campaigns(BRAND, CAMPAIGNS, Instant.now())) {
            config.saveCampaign(c);
        }
    }

    private String loyaltyCard() {
        return workload.merchant().call("allocate", "{\"cardSetId\":\"BENCHL1\"}").require("allocate").body()
                .path("cardNumber").asText();
    }

    private List<String> coupons(int n) {
        CouponPort coupons = workload.world().storage().coupons();
        List<String> codes = new ArrayList<>(n);
        String run = Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
        for (int i = 0; i < n; i++) {
            String code = "BENCH-" + run + "-" + i;
            if (!coupons.create(Coupon.fresh(BRAND, new CouponCode(code), CheckoutMix.COUPON_SET, Set.of(), Set.of(),
                    Optional.empty(), Optional.empty()))) {
                throw new IllegalStateException("coupon " + code + " exists");
            }
            codes.add(code);
        }
        return codes;
    }
}
