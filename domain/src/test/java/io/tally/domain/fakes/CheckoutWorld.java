package io.tally.domain.fakes;

import io.tally.domain.campaign.Basket;
import io.tally.domain.campaign.Campaign;
import io.tally.domain.campaign.CampaignId;
import io.tally.domain.campaign.CheckoutConfig;
import io.tally.domain.card.CardNumber;
import io.tally.domain.checkout.CheckoutUseCase;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.coupon.CouponSet;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.ledger.RequestInfo;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.program.ValueTypeLimits;
import io.tally.domain.segment.SegmentMembershipPort;
import io.tally.domain.shared.Outcome;
import io.tally.domain.tenant.BrandId;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link TestWorld} with checkout: coupons, campaign budgets and anonymous records in memory, and a checkout
 * configuration the test sets: by default the demo's three campaigns (a punch card on SKUs tagged {@code coffee}, 1 point
 * per USD spent, 10% off with a {@code SPRING} coupon, which it uses).
 */
public final class CheckoutWorld {
    public static final ValueTypeKey PUNCHES = ValueTypeKey.punches();
    public static final CouponSetId SPRING = new CouponSetId("SPRING");
    public static final CouponSetId FREE_COFFEE = new CouponSetId("FREE-COFFEE");

    public final TestWorld world;
    public final InMemoryCouponPort coupons = new InMemoryCouponPort();
    public final InMemoryCampaignBudgetPort budget = new InMemoryCampaignBudgetPort();
    public final InMemoryCheckoutRecordPort records = new InMemoryCheckoutRecordPort();
    public volatile CheckoutConfig config;
    /** What "card in segment" conditions read (by default: no snapshot, no member). */
    public volatile SegmentMembershipPort segments = (brand, segment, card) -> false;
    public final CheckoutUseCase checkout;
    private int requests;

    public CheckoutWorld() {
        this(new TestWorld());
    }

    public CheckoutWorld(TestWorld world) {
        this.world = world;
        for (BrandId b : List.of(TestWorld.BRAND, TestWorld.OTHER_BRAND)) {
            world.programs.saveValueType(new ValueType(b, TestWorld.PROGRAM, PUNCHES, 0, ValueTypeLimits.NONE));
        }
        config = demoConfig(demoCampaigns());
        checkout = new CheckoutUseCase(world.writer, world.voids, world.cards, world.ledger, world.programs, brand -> config, coupons, budget,
                records, (brand, segment, card) -> segments.isMember(brand, segment, card), world.clock, world.random);
    }

    public static CheckoutConfig demoConfig(List<Campaign> campaigns) {
        return new CheckoutConfig(TestWorld.BRAND, TestWorld.USD, ZoneId.of("UTC"),
                List.of(new CouponSet(TestWorld.BRAND, SPRING, "Spring", Optional.empty(), Optional.empty()),
                        new CouponSet(TestWorld.BRAND, FREE_COFFEE, "Free coffee", Optional.empty(), Optional.empty())),
                Map.of("coffee", Set.of("COFFEE-S", "COFFEE-L")), campaigns);
    }

    public static List<Campaign> demoCampaigns() {
        List<Campaign> c = new ArrayList<>();
        c.add(campaign("punch", 1, List.of(new Campaign.InBasket(Campaign.Items.tagged("coffee"), BigDecimal.ONE)),
                List.of(new Campaign.AddToBalance(PUNCHES, BigDecimal.ONE))));
        c.add(campaign("free-coffee", 2, List.of(new Campaign.BalanceAtLeast(PUNCHES, BigDecimal.TEN)),
                List.of(new Campaign.AllocateCoupon(FREE_COFFEE), new Campaign.AddToBalance(PUNCHES, BigDecimal.TEN.negate()),
                        new Campaign.Message("Your next coffee is on us!"))));
        c.add(campaign("spring", 5, List.of(new Campaign.CouponPresented(Set.of(SPRING))),
                List.of(new Campaign.Discount(BigDecimal.TEN, true, Optional.empty()), new Campaign.UseCoupon(SPRING))));
        c.add(campaign("earn", 10, List.of(),
                List.of(new Campaign.Earn(TestWorld.POINTS, BigDecimal.ONE, BigDecimal.ONE, Optional.empty()))));
        return c;
    }

    public static Campaign campaign(String id, int priority, List<Campaign.Condition> conditions, List<Campaign.Result> results) {
        return new Campaign(TestWorld.BRAND, new CampaignId(id), id, true, Optional.empty(), Optional.empty(), priority, true,
                conditions, results, Campaign.Limits.NONE);
    }

    /** Stores a coupon of the set, unrestricted, and returns its code. */
    public CouponCode coupon(CouponSetId set, String code) {
        CouponCode c = new CouponCode(code);
        coupons.create(Coupon.fresh(TestWorld.BRAND, c, set, Set.of(), Set.of(), Optional.empty(), Optional.empty()));
        return c;
    }

    public Optional<Coupon> stored(CouponCode code) {
        return coupons.find(TestWorld.BRAND, code);
    }

    public static Basket basket(Object... skuQtyPrice) {
        List<Basket.Line> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < skuQtyPrice.length; i += 3) {
            Basket.Line line = new Basket.Line((String) skuQtyPrice[i], new BigDecimal(skuQtyPrice[i + 1].toString()),
                    new BigDecimal(skuQtyPrice[i + 2].toString()));
            lines.add(line);
            total = total.add(line.amount());
        }
        return new Basket(lines, total);
    }

    public RequestInfo info() {
        return RequestInfo.of("co-ref-" + (++requests));
    }

    public CheckoutUseCase.CheckoutCommand command(Optional<CardNumber> card, Basket basket, List<CouponCode> presented,
                                                   List<CheckoutUseCase.Redemption> redemptions, boolean setup,
                                                   Optional<TransactionId> completes, RequestInfo info) {
        return new CheckoutUseCase.CheckoutCommand(TestWorld.context(), info, card, Optional.empty(), basket, presented, redemptions,
                setup, completes, "checkout|" + card.map(CardNumber::value).orElse("") + "|" + basket + "|" + presented + "|"
                + redemptions + "|" + setup + "|" + completes);
    }

    public Outcome<CheckoutUseCase.CheckoutResult> buy(CardNumber card, Basket basket, CouponCode... presented) {
        return checkout.checkout(command(Optional.of(card), basket, List.of(presented), List.of(), false, Optional.empty(), info()));
    }

    public long balance(CardNumber card, ValueTypeKey key) {
        return world.state(card).balance(key).total();
    }
}
