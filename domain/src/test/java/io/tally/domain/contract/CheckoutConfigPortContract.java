package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.campaign.Campaign;
import io.tally.domain.campaign.Campaign.Items;
import io.tally.domain.campaign.CampaignId;
import io.tally.domain.campaign.CheckoutConfig;
import io.tally.domain.campaign.CheckoutConfigStore;
import io.tally.domain.coupon.CouponSet;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.engagement.EventCategoryId;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.segment.SegmentId;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of {@link CheckoutConfigStore} must do (STYLE rule 8): the in-memory fake and the DynamoDB
 * adapter both extend this class. Each test uses fresh brand ids.
 */
public abstract class CheckoutConfigPortContract {
    protected abstract CheckoutConfigStore store();

    private BrandId brand;
    private BrandId otherBrand;

    @BeforeEach
    void freshBrands() {
        brand = new BrandId("B" + UUID.randomUUID().toString().substring(0, 8));
        otherBrand = new BrandId("O" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A campaign using every kind of condition and result, so that each kind's mapping is read back. */
    public static Campaign everyKind(BrandId brand, String id) {
        return new Campaign(brand, new CampaignId(id), "Every kind", true, Optional.of(Instant.parse("2026-01-01T00:00:00Z")),
                Optional.of(Instant.parse("2027-01-01T00:00:00Z")), 7, false,
                List.of(new Campaign.TotalAtLeast(new BigDecimal("20.00")),
                        new Campaign.InBasket(Items.tagged("coffee"), new BigDecimal("2")),
                        new Campaign.InBasket(Items.skus("LATTE", "BAGEL"), null),
                        new Campaign.CouponPresented(Set.of(new CouponSetId("SPRING10"))),
                        new Campaign.CardProgram(Set.of(new ProgramId("LOYALTY"), new ProgramId("GIFT"))),
                        new Campaign.CardSetOf(Set.of(new CardSetId("LOYAL01"))),
                        new Campaign.BalanceAtLeast(ValueTypeKey.custom("Stamps"), new BigDecimal("2.5")),
                        new Campaign.DaysOfWeek(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)),
                        new Campaign.TimeOfDay(LocalTime.of(22, 0), LocalTime.of(2, 30)),
                        new Campaign.AtLocation(Set.of(new LocationId("DEMO001"))),
                        new Campaign.AtLocationGroup(Set.of(new LocationGroupId("STORES"))),
                        new Campaign.FirstCheckout(),
                        new Campaign.EnrollmentIs(false),
                        new Campaign.InSegment(Set.of(new SegmentId("seg-0a1b2c3d4e5f6a7b"), new SegmentId("base-members")))),
                List.of(new Campaign.Discount(new BigDecimal("10"), true, Optional.empty()),
                        new Campaign.Discount(new BigDecimal("1.50"), false, Optional.of(Items.skus("BAGEL"))),
                        new Campaign.Earn(ValueTypeKey.points(), new BigDecimal("1"), new BigDecimal("2"), Optional.of(Items.tagged("coffee"))),
                        new Campaign.AddToBalance(ValueTypeKey.punches(), new BigDecimal("-10")),
                        new Campaign.AllocateCoupon(new CouponSetId("FREE-COFFEE")),
                        new Campaign.UseCoupon(new CouponSetId("SPRING10")),
                        new Campaign.Message("Thank you")),
                new Campaign.Limits(Optional.of(3), Optional.of(new Campaign.PerPeriod(1, Duration.ofDays(1))), Optional.of(1000L)));
    }

    /** An event campaign (its condition and result kinds fit no checkout campaign), with or without a minimum value. */
    public static Campaign onEvent(BrandId brand, String id, int priority, Optional<BigDecimal> minValue) {
        return new Campaign(brand, new CampaignId(id), "On an event", true, Optional.empty(), Optional.empty(), priority, true,
                List.of(new Campaign.EventOfCategory(new EventCategoryId("review"), minValue),
                        new Campaign.InSegment(Set.of(new SegmentId("base-members")))),
                List.of(new Campaign.Award(ValueTypeKey.points(), new BigDecimal("50")),
                        new Campaign.Award(ValueTypeKey.custom("Stamps"), new BigDecimal("0.5"))),
                new Campaign.Limits(Optional.empty(), Optional.empty(), Optional.of(100L)));
    }

    static Campaign simple(BrandId brand, String id, int priority) {
        return new Campaign(brand, new CampaignId(id), null, true, Optional.empty(), Optional.empty(), priority, true,
                List.of(), List.of(new Campaign.Message("hello " + id)), Campaign.Limits.NONE);
    }

    @Test
    void a_brand_without_configuration_loads_the_empty_one() {
        assertEquals(CheckoutConfig.empty(brand), store().load(brand));
    }

    @Test
    void every_part_is_read_back_as_saved() {
        CouponSet spring = new CouponSet(brand, new CouponSetId("SPRING10"), "Spring 10%",
                Optional.of(Instant.parse("2026-03-01T00:00:00Z")), Optional.of(Instant.parse("2026-06-01T00:00:00Z")));
        CouponSet free = new CouponSet(brand, new CouponSetId("FREE-COFFEE"), null, Optional.empty(), Optional.empty());
        assertTrue(store().saveSettings(brand, ValueTypeKey.currency("EUR"), ZoneId.of("Europe/Berlin")));
        assertTrue(store().saveCouponSet(spring));
        assertTrue(store().saveCouponSet(free));
        assertTrue(store().saveSkuTag(brand, "coffee", Set.of("LATTE", "ESPRESSO")));
        assertTrue(store().saveSkuTag(brand, "hot food", Set.of("SOUP")));
        Campaign every = everyKind(brand, "EVERY");
        assertTrue(store().saveCampaign(every));
        assertTrue(store().saveCampaign(simple(brand, "A-FIRST", 1)));
        Campaign reviewed = onEvent(brand, "EVT-1", 8, Optional.of(new BigDecimal("4.50")));
        Campaign anyReview = onEvent(brand, "EVT-2", 9, Optional.empty());
        assertTrue(store().saveCampaign(reviewed));
        assertTrue(store().saveCampaign(anyReview));

        CheckoutConfig loaded = store().load(brand);

        assertEquals(ValueTypeKey.currency("EUR"), loaded.currency());
        assertEquals(ZoneId.of("Europe/Berlin"), loaded.zone());
        assertEquals(List.of(free, spring), loaded.couponSets());
        assertEquals(Map.of("coffee", Set.of("LATTE", "ESPRESSO"), "hot food", Set.of("SOUP")), loaded.skuTags());
        assertEquals(List.of(simple(brand, "A-FIRST", 1), every, reviewed, anyReview), loaded.campaigns());
        assertEquals(CheckoutConfig.empty(otherBrand), store().load(otherBrand));
    }

    @Test
    void saving_the_same_again_changes_nothing_and_a_change_is_seen() {
        assertTrue(store().saveSettings(brand, ValueTypeKey.currency("USD"), ZoneId.of("America/New_York")));
        assertFalse(store().saveSettings(brand, ValueTypeKey.currency("USD"), ZoneId.of("America/New_York")));
        assertTrue(store().saveSkuTag(brand, "coffee", Set.of("LATTE")));
        assertFalse(store().saveSkuTag(brand, "coffee", Set.of("LATTE")));
        assertTrue(store().saveSkuTag(brand, "coffee", Set.of("LATTE", "MOCHA")));
        assertTrue(store().saveCampaign(everyKind(brand, "EVERY")));
        assertFalse(store().saveCampaign(everyKind(brand, "EVERY")));
        assertTrue(store().saveCampaign(simple(brand, "EVERY", 3)));

        CheckoutConfig loaded = store().load(brand);
        assertEquals(List.of(simple(brand, "EVERY", 3)), loaded.campaigns());
        assertEquals(Set.of("LATTE", "MOCHA"), loaded.skuTags().get("coffee"));
    }

    @Test
    void without_settings_the_defaults_apply() {
        store().saveCampaign(simple(brand, "C1", 1));
        CheckoutConfig loaded = store().load(brand);
        assertEquals(CheckoutConfig.empty(brand).currency(), loaded.currency());
        assertEquals(CheckoutConfig.empty(brand).zone(), loaded.zone());
        assertEquals(1, loaded.campaigns().size());
    }

    @Test
    void a_removed_campaign_is_gone_and_removing_it_again_says_so() {
        store().saveCampaign(simple(brand, "C1", 1));
        store().saveCampaign(simple(brand, "C2", 2));
        assertTrue(store().removeCampaign(brand, new CampaignId("C1")));
        assertFalse(store().removeCampaign(brand, new CampaignId("C1")));
        assertFalse(store().removeCampaign(otherBrand, new CampaignId("C2")));
        assertEquals(List.of(simple(brand, "C2", 2)), store().load(brand).campaigns());
    }

    @Test
    void many_campaigns_are_all_loaded() {
        for (int i = 0; i < 120; i++) {
            store().saveCampaign(everyKind(brand, String.format("C%03d", i)));
        }
        assertEquals(120, store().load(brand).campaigns().size());
    }
}
