package io.tally.lambda.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.campaign.Basket;
import io.tally.domain.campaign.Campaign;
import io.tally.domain.campaign.CampaignEngine;
import io.tally.domain.campaign.CampaignId;
import io.tally.domain.campaign.CardFacts;
import io.tally.domain.campaign.CheckoutConfig;
import io.tally.domain.campaign.Evaluation;
import io.tally.domain.campaign.PresentedCoupon;
import io.tally.domain.campaign.Situation;
import io.tally.domain.engagement.EventCategoryId;
import io.tally.domain.card.CardNumber;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.fakes.InMemoryCardPort;
import io.tally.domain.fakes.InMemoryCheckoutConfig;
import io.tally.domain.fakes.InMemoryConfigStore;
import io.tally.domain.fakes.InMemoryCouponPort;
import io.tally.domain.fakes.InMemoryEventDefinitions;
import io.tally.domain.fakes.InMemoryMemberStores;
import io.tally.domain.fakes.RecordingEventPublisher;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.provisioning.ApplySeedUseCase;
import io.tally.domain.provisioning.InvalidSeedException;
import io.tally.domain.provisioning.Seed;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo seed's checkout section, applied to the in-memory stores and run through the campaign engine. */
class CheckoutSeedTest {
    private static final BrandId DEMO = new BrandId("DEMO");
    private final InMemoryConfigStore config = new InMemoryConfigStore();
    private final InMemoryCheckoutConfig checkouts = new InMemoryCheckoutConfig();
    private final InMemoryCouponPort coupons = new InMemoryCouponPort();
    private final ApplySeedUseCase apply = new ApplySeedUseCase(config, new InMemoryCardPort(), new RecordingEventPublisher(),
            new SeededRandom(3), Clock.systemUTC(), new InMemoryMemberStores(), checkouts, coupons, new InMemoryEventDefinitions());

    private static Seed demoSeed() throws Exception {
        Path root = Path.of(System.getProperty("tally.repo.root", ".."));
        return new SeedJson().read(Files.readString(root.resolve("demo/seed.json")));
    }

    @Test
    void the_demo_seed_stores_its_checkout_configuration_and_coupons_and_a_second_run_changes_nothing() throws Exception {
        apply.apply(demoSeed(), true);

        CheckoutConfig loaded = checkouts.load(DEMO);
        assertEquals(ValueTypeKey.currency("USD"), loaded.currency());
        assertEquals(ZoneId.of("America/New_York"), loaded.zone());
        assertEquals(List.of("EARN-WEEKDAY", "EARN-WEEKEND", "PUNCH", "PUNCH-REWARD", "REVIEW-50", "SPRING10"),
                loaded.campaigns().stream().map(c -> c.id().value()).toList());
        assertEquals(new Campaign.EventOfCategory(new EventCategoryId("review"), Optional.empty()),
                loaded.campaigns().get(4).conditions().get(0));
        assertEquals(Set.of("coffee", "food"), loaded.skuTags().keySet());
        assertEquals(50, coupons.countInSet(DEMO, new CouponSetId("FREE-COFFEE")));
        assertEquals(4, coupons.countInSet(DEMO, new CouponSetId("SPRING10")));
        assertEquals(Set.of("staff"), coupons.find(DEMO, new CouponCode("SPRING10-STAFF")).orElseThrow().tags());

        var again = apply.apply(demoSeed(), true);
        assertTrue(again.changedNothing(), again.toString());
        assertEquals(50, coupons.countInSet(DEMO, new CouponSetId("FREE-COFFEE")));
    }

    @Test
    void the_demo_punch_card_spend_and_earn_and_spring_coupon_work_as_configured() throws Exception {
        apply.apply(demoSeed(), true);
        CheckoutConfig demo = checkouts.load(DEMO);
        Map<ValueTypeKey, ValueType> types = config.catalogue(DEMO).valueTypes().stream()
                .filter(v -> v.program().value().equals("LOYALTY"))
                .collect(Collectors.toMap(ValueType::key, Function.identity()));
        Function<Long, CardFacts> card = punches -> new CardFacts(new CardNumber("6100000000000006"),
                new ProgramId("LOYALTY"), new CardSetId("LOYAL01"), true, Map.of(ValueTypeKey.punches(), punches), types,
                5, Map.of());
        Basket latte = new Basket(List.of(new Basket.Line("LATTE", BigDecimal.ONE, new BigDecimal("4.50"))), new BigDecimal("4.50"));
        Instant tuesday = Instant.parse("2026-12-01T15:00:00Z");

        Evaluation tenth = CampaignEngine.evaluate(demo, new Situation(latte, Optional.of(card.apply(9L)), List.of(),
                new LocationId("DEMO001"), new LocationGroupId("STORES"), tuesday, Set.of()));
        assertEquals(Map.of(ValueTypeKey.punches(), -9L, ValueTypeKey.points(), 4L), tenth.balanceChanges());
        assertEquals(List.of(new Evaluation.RewardCoupon(new CampaignId("PUNCH-REWARD"), new CouponSetId("FREE-COFFEE"))),
                tenth.rewardCoupons());

        Evaluation saturdayWithCoupon = CampaignEngine.evaluate(demo, new Situation(latte, Optional.of(card.apply(2L)),
                List.of(new PresentedCoupon(new CouponCode("SPRING10-DEMO1"), new CouponSetId("SPRING10"), Set.of())),
                new LocationId("DEMO001"), new LocationGroupId("STORES"), Instant.parse("2026-12-05T15:00:00Z"), Set.of()));
        assertEquals(new BigDecimal("0.45"), saturdayWithCoupon.totalDiscount());
        assertEquals(List.of(new CouponCode("SPRING10-DEMO1")), saturdayWithCoupon.couponsToUse());
        assertEquals(Map.of(ValueTypeKey.punches(), 1L, ValueTypeKey.points(), 8L), saturdayWithCoupon.balanceChanges(),
                "double points on (4.50 - 0.45) = 8.10, floored");
    }

    @Test
    void every_problem_of_a_checkout_section_is_reported_at_once_and_nothing_is_written() throws Exception {
        String bad = """
                {"brands": [{"id": "DEMO", "programs": [{"id": "L", "kind": "loyalty", "valueTypes": [{"balanceType": "Points"}]}],
                  "checkout": {"currency": "DOLLARS", "timeZone": "Mars/Base",
                    "couponSets": [{"id": "S1", "pool": {"prefix": "P-", "count": 0}}],
                    "skuTags": {"coffee": []},
                    "campaigns": [
                      {"id": "C1", "conditions": [{"kind": "inBasket", "tag": "tea"}, {"kind": "totalAtLeast", "amount": "x"}],
                       "results": [{"kind": "addToBalance", "valueType": "Points", "amount": "1"}]},
                      {"id": "C2", "conditions": [{"kind": "timeOfDay", "from": "22:00", "to": "02:00", "amount": "1"}],
                       "results": [{"kind": "allocateCoupon", "couponSet": "NOPE"}, {"kind": "earn", "valueType": "Punches", "rate": "1"}]},
                      {"id": "C3", "results": [{"kind": "teleport"}]}
                    ]}}]}""";
        var e = assertThrows(InvalidSeedException.class, () -> apply.apply(new SeedJson().read(bad), true));
        String all = String.join("\n", e.problems());
        for (String expected : List.of("not an ISO 4217", "unknown timeZone Mars/Base", "pool: a set's seed coupons number",
                "SKU tag coffee: 1-1000 SKUs", "SKU tag 'tea' is not defined", "amount x is not a decimal",
                "only Punches and Custom", "field amount does not apply", "coupon set NOPE is not defined",
                "value type Punches is not in any of the brand's programs", "unknown result kind 'teleport'")) {
            assertTrue(all.contains(expected), expected + " missing from:\n" + all);
        }
        assertEquals(CheckoutConfig.empty(DEMO), checkouts.load(DEMO));
    }

    @Test
    void campaigns_put_validates_against_the_stored_configuration_and_upserts() throws Exception {
        apply.apply(demoSeed(), true);
        var seed = new SeedJson().readCampaigns("""
                {"campaigns": [{"id": "BAGEL", "priority": 50, "conditions": [{"kind": "inBasket", "tag": "food"}],
                                "results": [{"kind": "discount", "amount": "0.50", "tag": "food"}]}]}""");
        var report = apply.putCampaigns(DEMO, seed);
        assertEquals(1, report.itemsChanged());
        assertTrue(apply.putCampaigns(DEMO, seed).changedNothing());
        assertEquals(7, checkouts.load(DEMO).campaigns().size());

        var rated = new SeedJson().readCampaigns("""
                {"campaigns": [{"id": "GOOD-REVIEW", "conditions": [{"kind": "eventOfCategory", "category": "review",
                                "minValue": "4.5"}], "results": [{"kind": "award", "valueType": "Points", "amount": "20"}]}]}""");
        assertEquals(1, apply.putCampaigns(DEMO, rated).itemsChanged());
        assertTrue(checkouts.load(DEMO).campaigns().stream().filter(c -> c.id().value().equals("GOOD-REVIEW")).findFirst()
                .orElseThrow().onEvent());
        var awardAtCheckout = new SeedJson().readCampaigns("""
                {"campaigns": [{"id": "BAD", "conditions": [{"kind": "inBasket", "tag": "food"}],
                                "results": [{"kind": "award", "valueType": "Points", "amount": "5"}]}]}""");
        var bad = assertThrows(InvalidSeedException.class, () -> apply.putCampaigns(DEMO, awardAtCheckout));
        assertTrue(bad.getMessage().contains("an award is the result of an event campaign"), bad.getMessage());

        var vip = new SeedJson().readCampaigns("""
                {"campaigns": [{"id": "VIP", "conditions": [{"kind": "inSegment", "segments": ["seg-00ff", "base-members"]}],
                                "results": [{"kind": "message", "text": "Hello VIP"}]},
                               {"id": "BAD-SEGMENT", "conditions": [{"kind": "inSegment", "segments": []}],
                                "results": [{"kind": "message", "text": "x"}]}]}""");
        var noSegment = assertThrows(InvalidSeedException.class, () -> apply.putCampaigns(DEMO, vip));
        assertTrue(noSegment.getMessage().contains("campaign BAD-SEGMENT, condition 1 (inSegment)"), noSegment.getMessage());
        assertEquals(1, apply.putCampaigns(DEMO, List.of(vip.get(0))).itemsChanged());
        assertEquals("card in segment one of base-members, seg-00ff", checkouts.load(DEMO).campaigns().stream()
                .filter(c -> c.id().value().equals("VIP")).findFirst().orElseThrow().conditions().get(0).describe());

        var unknownTag = new SeedJson().readCampaigns("""
                {"campaigns": [{"id": "TEA", "conditions": [{"kind": "inBasket", "tag": "tea"}],
                                "results": [{"kind": "message", "text": "tea!"}]}]}""");
        var e = assertThrows(InvalidSeedException.class, () -> apply.putCampaigns(DEMO, unknownTag));
        assertTrue(e.getMessage().contains("SKU tag 'tea' is not defined"), e.getMessage());
    }

    @Test
    void campaigns_put_refuses_more_campaigns_or_sale_results_than_a_brand_may_have_and_writes_nothing() throws Exception {
        apply.apply(demoSeed(), true);
        int stored = checkouts.load(DEMO).campaigns().size();
        var tooMany = new SeedJson().readCampaigns(messages(CheckoutConfig.MAX_CAMPAIGNS - stored + 1));
        var refused = assertThrows(InvalidSeedException.class, () -> apply.putCampaigns(DEMO, tooMany));
        assertTrue(refused.getMessage().contains("brand DEMO: a brand has at most " + CheckoutConfig.MAX_CAMPAIGNS
                + " campaigns (these would make " + (CheckoutConfig.MAX_CAMPAIGNS + 1) + "; remove some first)"),
                refused.getMessage());
        assertEquals(stored, checkouts.load(DEMO).campaigns().size());
        assertEquals(CheckoutConfig.MAX_CAMPAIGNS - stored, apply.putCampaigns(DEMO,
                new SeedJson().readCampaigns(messages(CheckoutConfig.MAX_CAMPAIGNS - stored))).itemsChanged());

        String twentyDiscounts = String.join(",", Collections.nCopies(Campaign.MAX_RESULTS,
                "{\"kind\": \"discount\", \"amount\": \"0.01\"}"));
        StringBuilder file = new StringBuilder("{\"campaigns\": [");
        for (int i = 0; i <= CheckoutConfig.MAX_SALE_RESULTS / Campaign.MAX_RESULTS; i++) {
            // replacing stored campaigns, so that only the results are over
            file.append(i == 0 ? "" : ",").append("{\"id\": \"MSG-").append(i).append("\", \"results\": [")
                    .append(twentyDiscounts).append("]}");
        }
        var discounts = new SeedJson().readCampaigns(file.append("]}").toString());
        var tooManyResults = assertThrows(InvalidSeedException.class, () -> apply.putCampaigns(DEMO, discounts));
        assertTrue(tooManyResults.getMessage().contains("at most " + CheckoutConfig.MAX_SALE_RESULTS
                + " discount and allocateCoupon results in all"), tooManyResults.getMessage());
    }

    @Test
    void a_brand_stored_over_the_caps_may_still_edit_or_remove_campaigns_but_not_grow() throws Exception {
        apply.apply(demoSeed(), true);
        int stored = checkouts.load(DEMO).campaigns().size();
        // stored before the caps existed: straight through the port, which checks nothing
        var over = new SeedJson().readCampaigns(messages(CheckoutConfig.MAX_CAMPAIGNS - stored + 5));
        apply.putCampaigns(DEMO, new SeedJson().readCampaigns(messages(CheckoutConfig.MAX_CAMPAIGNS - stored)));
        var extra = io.tally.domain.provisioning.CampaignSeeds.campaigns(DEMO, over,
                new io.tally.domain.provisioning.CampaignSeeds.Known(Optional.empty(), Optional.empty(), Optional.empty()));
        extra.forEach(checkouts::saveCampaign);
        int overCap = checkouts.load(DEMO).campaigns().size();
        assertEquals(CheckoutConfig.MAX_CAMPAIGNS + 5, overCap);

        var edit = new SeedJson().readCampaigns("""
                {"campaigns": [{"id": "MSG-0", "enabled": false, "results": [{"kind": "message", "text": "bye"}]}]}""");
        assertEquals(1, apply.putCampaigns(DEMO, edit).itemsChanged(), "editing a campaign does not grow the brand");
        assertEquals(overCap, checkouts.load(DEMO).campaigns().size());

        var grow = new SeedJson().readCampaigns("""
                {"campaigns": [{"id": "NEW-ONE", "results": [{"kind": "message", "text": "new"}]}]}""");
        var refused = assertThrows(InvalidSeedException.class, () -> apply.putCampaigns(DEMO, grow));
        assertTrue(refused.getMessage().contains("these would make " + (overCap + 1)), refused.getMessage());
        assertEquals(overCap, checkouts.load(DEMO).campaigns().size());
    }

    /** A campaigns file of {@code n} message campaigns. */
    private static String messages(int n) {
        StringBuilder file = new StringBuilder("{\"campaigns\": [");
        for (int i = 0; i < n; i++) {
            file.append(i == 0 ? "" : ",").append("{\"id\": \"MSG-").append(i)
                    .append("\", \"results\": [{\"kind\": \"message\", \"text\": \"hi\"}]}");
        }
        return file.append("]}").toString();
    }
}
