package io.tally.bench;

import io.tally.domain.campaign.Basket;
import io.tally.domain.campaign.Campaign;
import io.tally.domain.campaign.Campaign.Items;
import io.tally.domain.campaign.CampaignId;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checkout figures' workload, the same on dynalite and on the in-memory ports: a brand's campaigns in a realistic
 * mix and a basket of n lines. Of every 50 campaigns (the pattern repeats for more) five fire on every 20-line card
 * checkout (1 point per USD, a punch per coffee, 5% off from 50.00, double points on bakery SKUs, a message to
 * non-members), one on every tenth (the punch card's reward: the coffee free, 10 punches taken), one only with the
 * presented coupon (10% off, uses it), two only on the card's first checkout (a welcome discount, a per-card-limited
 * message); the other 41 do not fire: spend thresholds out of reach, SKUs and tags not in the basket, other days, a
 * happy hour hours away, other locations, groups and programs, a non-stackable one, a total-limited one.
 */
public final class CheckoutMix {
    public static final CouponSetId COUPON_SET = new CouponSetId("BENCH-CPN");
    public static final ValueTypeKey USD = ValueTypeKey.currency("USD");
    public static final ValueTypeKey POINTS = ValueTypeKey.points();
    public static final ValueTypeKey PUNCHES = ValueTypeKey.punches();
    /** SKU tags: coffee and bakery are in every basket of 6 lines or more, seasonal never. */
    public static final Map<String, Set<String>> SKU_TAGS = Map.of(
            "coffee", Set.of("SKU-001", "SKU-002"),
            "bakery", Set.of("SKU-003", "SKU-004", "SKU-005", "SKU-006"),
            "seasonal", Set.of("XMAS-001", "XMAS-002", "XMAS-003"));

    private CheckoutMix() {
    }

    /** n campaigns of the brand; day-of-week and time-of-day conditions are chosen not to hold at {@code at} (UTC). */
    public static List<Campaign> campaigns(BrandId brand, int n, Instant at) {
        DayOfWeek today = at.atZone(ZoneOffset.UTC).getDayOfWeek();
        Set<DayOfWeek> otherDays = EnumSet.complementOf(EnumSet.of(today));
        LocalTime now = at.atZone(ZoneOffset.UTC).toLocalTime();
        LocalTime happyFrom = now.plusHours(6).withMinute(0).withSecond(0).withNano(0);
        List<Campaign> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(campaign(brand, i, otherDays, happyFrom));
        }
        return out;
    }

    private static Campaign campaign(BrandId brand, int i, Set<DayOfWeek> otherDays, LocalTime happyFrom) {
        int kind = i % 50;
        List<Campaign.Condition> when = new ArrayList<>();
        List<Campaign.Result> then = new ArrayList<>();
        Campaign.Limits limits = Campaign.Limits.NONE;
        boolean stackable = true;
        switch (kind) {
            case 0 -> then.add(new Campaign.Earn(POINTS, BigDecimal.ONE, BigDecimal.ONE, Optional.empty()));
            case 5 -> {
                when.add(new Campaign.InBasket(Items.tagged("coffee"), BigDecimal.ONE));
                then.add(new Campaign.AddToBalance(PUNCHES, BigDecimal.ONE));
            }
            case 10 -> {
                when.add(new Campaign.BalanceAtLeast(PUNCHES, BigDecimal.TEN));
                then.add(new Campaign.Discount(BigDecimal.valueOf(100), true, Optional.of(Items.skus("SKU-001"))));
                then.add(new Campaign.AddToBalance(PUNCHES, BigDecimal.TEN.negate()));
                then.add(new Campaign.Message("Your coffee is on us!"));
            }
            case 15 -> {
                when.add(new Campaign.TotalAtLeast(new BigDecimal("50.00")));
                then.add(new Campaign.Discount(BigDecimal.valueOf(5), true, Optional.empty()));
            }
            case 20 -> then.add(new Campaign.Earn(POINTS, BigDecimal.ONE, BigDecimal.valueOf(2), Optional.of(Items.tagged("bakery"))));
            case 25 -> {
                when.add(new Campaign.CouponPresented(Set.of(COUPON_SET)));
                then.add(new Campaign.Discount(BigDecimal.TEN, true, Optional.empty()));
                then.add(new Campaign.UseCoupon(COUPON_SET));
            }
            case 30 -> {
                when.add(new Campaign.EnrollmentIs(false));
                then.add(new Campaign.Message("Join Bench Rewards and earn double points."));
            }
            case 40 -> {
                when.add(new Campaign.FirstCheckout());
                then.add(new Campaign.Discount(new BigDecimal("5.00"), false, Optional.empty()));
            }
            case 45 -> {
                when.add(new Campaign.TotalAtLeast(BigDecimal.ONE));
                then.add(new Campaign.Message("Thanks for your first visit!"));
                limits = new Campaign.Limits(Optional.of(1), Optional.empty(), Optional.empty());
            }
            case 35 -> {
                when.add(new Campaign.CardProgram(Set.of(new ProgramId("NO-SUCH-PROGRAM"))));
                then.add(new Campaign.Earn(POINTS, BigDecimal.ONE, BigDecimal.valueOf(3), Optional.empty()));
            }
            case 39 -> {
                when.add(new Campaign.InBasket(Items.skus("LIMITED-" + i), BigDecimal.ONE));
                then.add(new Campaign.Discount(new BigDecimal("3.00"), false, Optional.empty()));
                limits = new Campaign.Limits(Optional.empty(), Optional.empty(), Optional.of(1_000L));
            }
            case 49 -> {
                when.add(new Campaign.TotalAtLeast(new BigDecimal("10000.00")));
                then.add(new Campaign.Discount(BigDecimal.valueOf(20), true, Optional.empty()));
                stackable = false;
            }
            case 44 -> {
                when.add(new Campaign.InBasket(Items.skus("SKU-001"), BigDecimal.valueOf(50)));
                then.add(new Campaign.Earn(POINTS, BigDecimal.ONE, BigDecimal.valueOf(5), Optional.of(Items.skus("SKU-001"))));
                limits = new Campaign.Limits(Optional.empty(), Optional.of(new Campaign.PerPeriod(1, Duration.ofDays(7))),
                        Optional.empty());
            }
            default -> notFiring(kind % 8, i, otherDays, happyFrom, when, then);
        }
        return new Campaign(brand, new CampaignId(String.format(Locale.ROOT, "bench-%04d", i)), "Bench campaign " + i, true,
                Optional.empty(), Optional.empty(), 10 + i, stackable, when, then, limits);
    }

    private static void notFiring(int variant, int i, Set<DayOfWeek> otherDays, LocalTime happyFrom,
                                  List<Campaign.Condition> when, List<Campaign.Result> then) {
        switch (variant) {
            case 0 -> {
                when.add(new Campaign.TotalAtLeast(BigDecimal.valueOf(5_000 + i)));
                then.add(new Campaign.Discount(new BigDecimal("10.00"), false, Optional.empty()));
            }
            case 1 -> {
                when.add(new Campaign.InBasket(Items.skus("OTHER-" + i, "OTHER-" + (i + 1)), BigDecimal.ONE));
                then.add(new Campaign.Discount(new BigDecimal("2.00"), false, Optional.of(Items.skus("OTHER-" + i))));
            }
            case 2 -> {
                when.add(new Campaign.InBasket(Items.tagged("seasonal"), BigDecimal.ONE));
                then.add(new Campaign.Earn(POINTS, BigDecimal.ONE, BigDecimal.valueOf(3), Optional.of(Items.tagged("seasonal"))));
            }
            case 3 -> {
                when.add(new Campaign.DaysOfWeek(otherDays));
                when.add(new Campaign.TotalAtLeast(new BigDecimal("20.00")));
                then.add(new Campaign.Earn(POINTS, BigDecimal.ONE, BigDecimal.valueOf(2), Optional.empty()));
            }
            case 4 -> {
                when.add(new Campaign.TimeOfDay(happyFrom, happyFrom.plusHours(2)));
                then.add(new Campaign.Discount(BigDecimal.valueOf(15), true, Optional.of(Items.tagged("coffee"))));
            }
            case 5 -> {
                when.add(new Campaign.AtLocation(Set.of(new LocationId("OTHER-" + i))));
                then.add(new Campaign.Message("Welcome to our other store"));
            }
            case 6 -> {
                when.add(new Campaign.AtLocationGroup(Set.of(new LocationGroupId("OUTLETS"))));
                then.add(new Campaign.Discount(BigDecimal.valueOf(10), true, Optional.empty()));
            }
            default -> {
                when.add(new Campaign.InBasket(Items.tagged("coffee"), BigDecimal.ONE));
                when.add(new Campaign.BalanceAtLeast(POINTS, BigDecimal.valueOf(1_000_000)));
                then.add(new Campaign.AddToBalance(PUNCHES, BigDecimal.valueOf(5)));
            }
        }
    }

    /** Lines SKU-001 … SKU-n: quantity 1 or 2, prices 1.25-9.95; the checkout total is their sum. */
    public static Basket basket(int lines) {
        List<Basket.Line> out = new ArrayList<>(lines);
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 1; i <= lines; i++) {
            Basket.Line line = new Basket.Line(sku(i), BigDecimal.valueOf(i % 3 == 0 ? 2 : 1), price(i));
            out.add(line);
            total = total.add(line.amount());
        }
        return new Basket(out, total);
    }

    /** A merchant {@code checkout} body for the card (wire format of docs/API.md) with the basket, and the coupon if any. */
    public static String body(String card, int lines, Optional<String> coupon) {
        Basket basket = basket(lines);
        StringBuilder b = new StringBuilder("{\"cardNumber\":\"").append(card).append("\",\"products\":[");
        for (int i = 0; i < basket.lines().size(); i++) {
            Basket.Line l = basket.lines().get(i);
            b.append(i == 0 ? "" : ",").append("{\"sku\":\"").append(l.sku()).append("\",\"amountPurchased\":")
                    .append(l.quantity().toPlainString()).append(",\"unitPrice\":").append(l.unitPrice().toPlainString()).append('}');
        }
        b.append("],\"checkoutTotal\":").append(basket.checkoutTotal().toPlainString());
        coupon.ifPresent(c -> b.append(",\"coupons\":[\"").append(c).append("\"]"));
        return b.append(",\"returnBalances\":true}").toString();
    }

    private static String sku(int i) {
        return String.format(Locale.ROOT, "SKU-%03d", i);
    }

    private static BigDecimal price(int i) {
        return BigDecimal.valueOf(125 + (i * 379L) % 871, 2);
    }
}
