package io.tally.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tally.domain.campaign.Campaign.AddToBalance;
import io.tally.domain.campaign.Campaign.AllocateCoupon;
import io.tally.domain.campaign.Campaign.AtLocation;
import io.tally.domain.campaign.Campaign.AtLocationGroup;
import io.tally.domain.campaign.Campaign.BalanceAtLeast;
import io.tally.domain.campaign.Campaign.CardProgram;
import io.tally.domain.campaign.Campaign.CardSetOf;
import io.tally.domain.campaign.Campaign.Condition;
import io.tally.domain.campaign.Campaign.CouponPresented;
import io.tally.domain.campaign.Campaign.DaysOfWeek;
import io.tally.domain.campaign.Campaign.Discount;
import io.tally.domain.campaign.Campaign.Earn;
import io.tally.domain.campaign.Campaign.EnrollmentIs;
import io.tally.domain.campaign.Campaign.FirstCheckout;
import io.tally.domain.campaign.Campaign.InBasket;
import io.tally.domain.campaign.Campaign.Items;
import io.tally.domain.campaign.Campaign.Limits;
import io.tally.domain.campaign.Campaign.Message;
import io.tally.domain.campaign.Campaign.PerPeriod;
import io.tally.domain.campaign.Campaign.Result;
import io.tally.domain.campaign.Campaign.TimeOfDay;
import io.tally.domain.campaign.Campaign.TotalAtLeast;
import io.tally.domain.campaign.Campaign.UseCoupon;
import io.tally.domain.card.CardNumber;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.coupon.CouponSet;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.program.ValueTypeLimits;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The campaign rules as a table: campaigns and a checkout in, the evaluation out, written as one line of what changed
 * ({@code Points+25; discount C1 2.50; coupon C2 FREE-COFFEE; use SPRING-0001; say hi}) followed by one explanation
 * per campaign considered ({@code C1 fired}, {@code C2: checkout total 12.50 is below 20.00}).
 *
 * <p>Every case checks out in zone America/New_York on Tuesday 2026-12-01 at 10:00 local (15:00Z) unless it says
 * otherwise, at location DEMO001 of group STORES, with a card of program LOYALTY, card set LOYAL01, enrolled, three
 * checkouts before, whose program has Points and Punches (scale 0) and Custom:Stamps (scale 1).
 */
class CampaignEngineTest {
    static final BrandId BRAND = new BrandId("DEMO");
    static final Instant TUESDAY_10_LOCAL = Instant.parse("2026-12-01T15:00:00Z");
    static final Instant SATURDAY_10_LOCAL = Instant.parse("2026-12-05T15:00:00Z");
    static final ValueTypeKey POINTS = ValueTypeKey.points();
    static final ValueTypeKey PUNCHES = ValueTypeKey.punches();
    static final ValueTypeKey STAMPS = ValueTypeKey.custom("Stamps");
    static final Map<String, Set<String>> TAGS = Map.of("coffee", Set.of("LATTE", "ESPRESSO"), "food", Set.of("BAGEL"));

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void evaluates(Case c) {
        assertEquals(c.expected, render(CampaignEngine.evaluate(c.config(), c.situation())));
    }

    static Stream<Case> table() {
        return Stream.of(
                // ---- conditions
                when("total at or above: fires", camp("C1").when(new TotalAtLeast(dec("20"))).then(say("big")))
                        .total("20.00").expect("say big; C1 fired"),
                when("total below: explained in the currency's scale", camp("C1").when(new TotalAtLeast(dec("20"))).then(say("big")))
                        .total("12.5").expect("C1: checkout total 12.50 is below 20.00"),
                when("SKU in the basket", camp("C1").when(new InBasket(Items.skus("BAGEL"), null)).then(say("bagel")))
                        .line("BAGEL", "1", "2.00").expect("say bagel; C1 fired"),
                when("SKU missing", camp("C1").when(new InBasket(Items.skus("BAGEL"), null)).then(say("bagel")))
                        .line("LATTE", "1", "3.50").expect("C1: no SKU BAGEL in the basket"),
                when("none of several SKUs", camp("C1").when(new InBasket(Items.skus("BAGEL", "MUFFIN"), null)).then(say("food")))
                        .line("LATTE", "1", "3.50").expect("C1: none of SKUs BAGEL, MUFFIN in the basket"),
                when("SKU tag missing", camp("C1").when(new InBasket(Items.tagged("coffee"), null)).then(say("coffee")))
                        .line("BAGEL", "1", "2.00").expect("C1: no SKU tagged 'coffee' in the basket"),
                when("tagged quantity summed over lines", camp("C1").when(new InBasket(Items.tagged("coffee"), dec("3"))).then(say("3 coffees")))
                        .line("LATTE", "2", "3.50").line("ESPRESSO", "1", "2.00").expect("say 3 coffees; C1 fired"),
                when("tagged quantity short", camp("C1").when(new InBasket(Items.tagged("coffee"), dec("3"))).then(say("3 coffees")))
                        .line("LATTE", "2", "3.50").expect("C1: 2 of a SKU tagged 'coffee' in the basket, needs 3"),
                when("coupon of the set presented", camp("C1").when(new CouponPresented(Set.of(set("SPRING10")))).then(say("spring")))
                        .coupon("SPRING-0001", "SPRING10").expect("say spring; C1 fired"),
                when("coupon of another set", camp("C1").when(new CouponPresented(Set.of(set("SPRING10")))).then(say("spring")))
                        .coupon("OTHER-0001", "OTHER").expect("C1: no coupon of set SPRING10 presented"),
                when("card program one of", camp("C1").when(new CardProgram(Set.of(new ProgramId("GIFT"), new ProgramId("LOYALTY")))).then(say("member")))
                        .expect("say member; C1 fired"),
                when("card program not", camp("C1").when(new CardProgram(Set.of(new ProgramId("GIFT")))).then(say("gift")))
                        .expect("C1: card's program LOYALTY is not GIFT"),
                when("card set not", camp("C1").when(new CardSetOf(Set.of(new CardSetId("GIFT01")))).then(say("gift")))
                        .expect("C1: card's card set LOYAL01 is not GIFT01"),
                when("card set one of", camp("C1").when(new CardSetOf(Set.of(new CardSetId("LOYAL01")))).then(say("loyal")))
                        .expect("say loyal; C1 fired"),
                when("balance at or above", camp("C1").when(new BalanceAtLeast(POINTS, dec("100"))).then(say("rich")))
                        .balance(POINTS, 100).expect("say rich; C1 fired"),
                when("balance below, in the value type's unit", camp("C1").when(new BalanceAtLeast(STAMPS, dec("2.5"))).then(say("stamps")))
                        .balance(STAMPS, 24).expect("C1: Custom:Stamps balance 2.4 is below 2.5"),
                when("balance of a value type the program lacks", camp("C1").when(new BalanceAtLeast(ValueTypeKey.custom("Miles"), dec("1"))).then(say("miles")))
                        .expect("C1: the card's program has no Custom:Miles balance"),
                when("day of week: Saturday in the brand's zone", camp("C1").when(new DaysOfWeek(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY))).then(say("weekend")))
                        .at(SATURDAY_10_LOCAL).expect("say weekend; C1 fired"),
                when("day of week: Friday night UTC is Friday in New York", camp("C1").when(new DaysOfWeek(Set.of(DayOfWeek.SATURDAY))).then(say("weekend")))
                        .at(Instant.parse("2026-12-05T03:00:00Z")).expect("C1: checkout on a Friday, not on Saturday"),
                when("time of day inside", camp("C1").when(new TimeOfDay(LocalTime.of(7, 0), LocalTime.of(11, 0))).then(say("breakfast")))
                        .expect("say breakfast; C1 fired"),
                when("time of day: to is exclusive", camp("C1").when(new TimeOfDay(LocalTime.of(7, 0), LocalTime.of(10, 0))).then(say("breakfast")))
                        .expect("C1: time 10:00 is not between 07:00 and 10:00"),
                when("time of day wrapping midnight, after midnight", camp("C1").when(new TimeOfDay(LocalTime.of(22, 0), LocalTime.of(2, 0))).then(say("late")))
                        .at(Instant.parse("2026-12-02T06:30:00Z")).expect("say late; C1 fired"),
                when("time of day wrapping midnight, at noon", camp("C1").when(new TimeOfDay(LocalTime.of(22, 0), LocalTime.of(2, 0))).then(say("late")))
                        .at(Instant.parse("2026-12-01T17:00:00Z")).expect("C1: time 12:00 is not between 22:00 and 02:00"),
                when("location one of", camp("C1").when(new AtLocation(Set.of(new LocationId("DEMO001"), new LocationId("DEMO002")))).then(say("here")))
                        .expect("say here; C1 fired"),
                when("location not", camp("C1").when(new AtLocation(Set.of(new LocationId("DEMOWEB")))).then(say("web")))
                        .expect("C1: location DEMO001 is not DEMOWEB"),
                when("location group not", camp("C1").when(new AtLocationGroup(Set.of(new LocationGroupId("ONLINE")))).then(say("web")))
                        .expect("C1: location group STORES is not ONLINE"),
                when("location group one of", camp("C1").when(new AtLocationGroup(Set.of(new LocationGroupId("STORES")))).then(say("store")))
                        .expect("say store; C1 fired"),
                when("first checkout", camp("C1").when(new FirstCheckout()).then(say("welcome")))
                        .checkoutsBefore(0).expect("say welcome; C1 fired"),
                when("not the first checkout", camp("C1").when(new FirstCheckout()).then(say("welcome")))
                        .expect("C1: not the card's first checkout (3 before)"),
                when("enrolled", camp("C1").when(new EnrollmentIs(true)).then(say("member")))
                        .expect("say member; C1 fired"),
                when("not enrolled wanted", camp("C1").when(new EnrollmentIs(false)).then(say("join us")))
                        .expect("C1: card enrolled"),
                when("first failing condition explained, not the later ones",
                        camp("C1").when(new AtLocation(Set.of(new LocationId("DEMO001"))), new TotalAtLeast(dec("50")), new FirstCheckout()).then(say("x")))
                        .total("10").expect("C1: checkout total 10.00 is below 50.00"),
                // ---- results
                when("amount off the basket", camp("C1").then(new Discount(dec("5"), false, Optional.empty())))
                        .total("30.00").expect("discount C1 5.00; total 5.00; C1 fired"),
                when("amount off capped at the basket", camp("C1").then(new Discount(dec("5"), false, Optional.empty())))
                        .total("3.20").expect("discount C1 3.20; total 3.20; C1 fired"),
                when("percent off rounds HALF_UP to cents", camp("C1").then(new Discount(dec("10"), true, Optional.empty())))
                        .total("12.35").expect("discount C1 1.24; total 1.24; C1 fired"),
                when("percent off rounds down below the half", camp("C1").then(new Discount(dec("15"), true, Optional.empty())))
                        .total("0.23").expect("discount C1 0.03; total 0.03; C1 fired"),
                when("percent off tagged lines only", camp("C1").then(new Discount(dec("50"), true, Optional.of(Items.tagged("coffee")))))
                        .line("LATTE", "2", "3.50").line("BAGEL", "1", "2.00").line("ESPRESSO", "1", "2.25")
                        .expect("discount C1 4.63 on [LATTE, ESPRESSO]; total 4.63; C1 fired"),
                when("amount off a SKU capped at its lines", camp("C1").then(new Discount(dec("5"), false, Optional.of(Items.skus("BAGEL")))))
                        .line("LATTE", "1", "3.50").line("BAGEL", "1", "2.00").expect("discount C1 2.00 on [BAGEL]; total 2.00; C1 fired"),
                when("discounts of two campaigns capped at the basket",
                        camp("C1").priority(1).then(new Discount(dec("8"), false, Optional.empty())),
                        camp("C2").priority(2).then(new Discount(dec("8"), false, Optional.empty())))
                        .total("10.00").expect("discount C1 8.00; discount C2 2.00; total 10.00; C1 fired; C2 fired"),
                when("a percentage applies to what earlier discounts left",
                        camp("C1").priority(1).then(new Discount(dec("10"), false, Optional.empty())),
                        camp("C2").priority(2).then(new Discount(dec("10"), true, Optional.empty())))
                        .total("50.00").expect("discount C1 10.00; discount C2 4.00; total 14.00; C1 fired; C2 fired"),
                when("earn 1 point per dollar, floored", camp("C1").then(earn(POINTS, "1", "1")))
                        .total("25.99").expect("Points+25; C1 fired"),
                when("earn double", camp("C1").then(earn(POINTS, "1", "2")))
                        .total("25.99").expect("Points+51; C1 fired"),
                when("earn on what is left after earlier discounts",
                        camp("C1").priority(1).then(new Discount(dec("5"), false, Optional.empty())),
                        camp("C2").priority(2).then(earn(POINTS, "1", "1")))
                        .total("25.99").expect("Points+20; discount C1 5.00; total 5.00; C1 fired; C2 fired"),
                when("earn on tagged lines only", camp("C1").then(new Earn(POINTS, dec("10"), null, Optional.of(Items.tagged("coffee")))))
                        .line("LATTE", "1", "3.50").line("BAGEL", "1", "2.00").expect("Points+35; C1 fired"),
                when("earn into a value type with decimals floors to its scale", camp("C1").then(earn(STAMPS, "0.1", "1")))
                        .total("9.99").expect("Custom:Stamps+9; C1 fired"),
                when("add to a custom counter", camp("C1").then(new AddToBalance(STAMPS, dec("1.5"))))
                        .expect("Custom:Stamps+15; C1 fired"),
                when("take never below zero", camp("C1").then(new AddToBalance(PUNCHES, dec("-10"))))
                        .balance(PUNCHES, 4).expect("Punches-4; C1 fired"),
                when("take from an empty balance changes nothing", camp("C1").then(new AddToBalance(PUNCHES, dec("-10"))))
                        .expect("C1 fired"),
                when("balance result for a value type the program lacks", camp("C1").then(new AddToBalance(ValueTypeKey.custom("Miles"), dec("1"))))
                        .expect("C1: the card's program has no Custom:Miles balance"),
                when("allocate a coupon", camp("C1").then(new AllocateCoupon(set("FREE-COFFEE"))))
                        .expect("coupon C1 FREE-COFFEE; C1 fired"),
                when("use the presented coupon and discount", camp("C1").when(new CouponPresented(Set.of(set("SPRING10"))))
                        .then(new Discount(dec("10"), true, Optional.empty()), new UseCoupon(set("SPRING10"))))
                        .total("20.00").coupon("SPRING-0001", "SPRING10")
                        .expect("discount C1 2.00; total 2.00; use SPRING-0001; C1 fired"),
                when("a coupon used by one campaign does not satisfy the next",
                        camp("C1").priority(1).when(new CouponPresented(Set.of(set("SPRING10")))).then(new UseCoupon(set("SPRING10")), say("one")),
                        camp("C2").priority(2).when(new CouponPresented(Set.of(set("SPRING10")))).then(new UseCoupon(set("SPRING10")), say("two")))
                        .coupon("SPRING-0001", "SPRING10")
                        .expect("use SPRING-0001; say one; C1 fired; C2: no coupon of set SPRING10 presented"),
                when("two coupons presented, two campaigns use one each",
                        camp("C1").priority(1).when(new CouponPresented(Set.of(set("SPRING10")))).then(new UseCoupon(set("SPRING10"))),
                        camp("C2").priority(2).when(new CouponPresented(Set.of(set("SPRING10")))).then(new UseCoupon(set("SPRING10"))))
                        .coupon("SPRING-0001", "SPRING10").coupon("SPRING-0002", "SPRING10")
                        .expect("use SPRING-0001; use SPRING-0002; C1 fired; C2 fired"),
                // ---- anonymous sale
                when("anonymous: a balance result needs a card", camp("C1").then(earn(POINTS, "1", "1")))
                        .anonymous().expect("C1: needs a card"),
                when("anonymous: a card condition needs a card", camp("C1").when(new EnrollmentIs(true)).then(say("hi")))
                        .anonymous().expect("C1: needs a card"),
                when("anonymous: a per-card limit needs a card", camp("C1").limits(perCard(1)).then(say("hi")))
                        .anonymous().expect("C1: needs a card"),
                when("anonymous: a discount does not need a card",
                        camp("C1").when(new TotalAtLeast(dec("10"))).then(new Discount(dec("1"), false, Optional.empty())))
                        .anonymous().total("10").expect("discount C1 1.00; total 1.00; C1 fired"),
                // ---- order, stacking, windows
                when("priority order, then id, whatever the list order",
                        camp("B").priority(2).then(say("b")), camp("C").priority(1).then(say("c")), camp("A").priority(2).then(say("a")))
                        .expect("say c; say a; say b; C fired; A fired; B fired"),
                when("disabled and out-of-window campaigns are not considered",
                        camp("OFF").enabled(false).then(say("off")),
                        camp("LATER").window(Instant.parse("2026-12-02T00:00:00Z"), null).then(say("later")),
                        camp("ENDED").window(null, TUESDAY_10_LOCAL).then(say("ended")),
                        camp("NOW").window(TUESDAY_10_LOCAL, Instant.parse("2026-12-02T00:00:00Z")).then(say("now")))
                        .expect("say now; NOW fired"),
                when("non-stackable fires when first and stops the rest",
                        camp("C1").priority(1).stackable(false).then(say("only")), camp("C2").priority(2).then(say("two")))
                        .expect("say only; C1 fired; C2: campaign C1 fired and is not stackable"),
                when("non-stackable does not fire after another fired",
                        camp("C1").priority(1).then(say("one")), camp("C2").priority(2).stackable(false).then(say("only")),
                        camp("C3").priority(3).then(say("three")))
                        .expect("say one; say three; C1 fired; C2: not stackable, and campaign C1 fired before it; C3 fired"),
                when("non-stackable fires when the earlier ones did not",
                        camp("C1").priority(1).when(new FirstCheckout()).then(say("one")), camp("C2").priority(2).stackable(false).then(say("only")))
                        .expect("say only; C1: not the card's first checkout (3 before); C2 fired"),
                // ---- limits
                when("per card: limit reached", camp("C1").limits(perCard(1)).then(say("once")))
                        .fired("C1", "2026-01-01T00:00:00Z").expect("C1: limit of 1 per card reached"),
                when("per card: under the limit", camp("C1").limits(perCard(2)).then(say("twice")))
                        .fired("C1", "2026-01-01T00:00:00Z").expect("say twice; C1 fired"),
                when("per card: the limit in all counts every firing, remembered or not", camp("C1").limits(perCard(3)).then(say("3x")))
                        .firedInAll("C1", 3).expect("C1: limit of 3 per card reached"),
                when("per card per period: counts the remembered firings",
                        camp("C1").limits(new Limits(Optional.empty(), Optional.of(new PerPeriod(2, Duration.ofDays(1))), Optional.empty())).then(say("daily")))
                        .firedInAll("C1", 40, "2026-11-30T16:00:00Z").expect("say daily; C1 fired"),
                when("per card per period: reached within the period",
                        camp("C1").limits(new Limits(Optional.empty(), Optional.of(new PerPeriod(1, Duration.ofDays(1))), Optional.empty())).then(say("daily")))
                        .fired("C1", "2026-11-30T16:00:00Z").expect("C1: limit of 1 per card per day reached"),
                when("per card per period: the period rolls",
                        camp("C1").limits(new Limits(Optional.empty(), Optional.of(new PerPeriod(1, Duration.ofDays(1))), Optional.empty())).then(say("daily")))
                        .fired("C1", "2026-11-30T15:00:00Z").expect("say daily; C1 fired"),
                when("total limit exhausted", camp("C1").limits(new Limits(Optional.empty(), Optional.empty(), Optional.of(1000L))).then(say("first 1000")))
                        .exhausted("C1").expect("C1: total limit of 1000 reached"),
                // ---- the punch card: configuration, not code
                punchCard("punch card: the 9th coffee punches", 8).expect("Punches+1; C1 fired; C2: Punches balance 9 is below 10"),
                punchCard("punch card: the 10th coffee gives a free coffee and resets", 9)
                        .expect("Punches-9; coupon C2 FREE-COFFEE; say Free coffee!; C1 fired; C2 fired"),
                punchCard("punch card: no coffee, no punch", 9).noLines().line("BAGEL", "1", "2.00")
                        .expect("C1: no SKU tagged 'coffee' in the basket; C2: Punches balance 9 is below 10"),
                // ---- spend and earn, double on weekends (two campaigns)
                spendAndEarn("spend and earn on a Tuesday").total("12.40").expect("Points+12; WEEKDAY fired; WEEKEND: checkout on a Tuesday, not on Saturday, Sunday"),
                spendAndEarn("spend and earn doubled on Saturday").total("12.40").at(SATURDAY_10_LOCAL)
                        .expect("Points+24; WEEKDAY: checkout on a Saturday, not on Monday, Tuesday, Wednesday, Thursday, Friday; WEEKEND fired"));
    }

    @Test
    void conditions_and_results_are_validated_when_built() {
        assertThrows(IllegalArgumentException.class, () -> new Discount(dec("101"), true, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new Discount(dec("0"), false, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new AddToBalance(POINTS, dec("1")));
        assertThrows(IllegalArgumentException.class, () -> new AddToBalance(PUNCHES, dec("0")));
        assertThrows(IllegalArgumentException.class, () -> new TimeOfDay(LocalTime.NOON, LocalTime.NOON));
        assertThrows(IllegalArgumentException.class, () -> new Items(Set.of("A"), Optional.of("coffee")));
        assertThrows(IllegalArgumentException.class, () -> new InBasket(Items.skus("A"), dec("0")));
        assertThrows(IllegalArgumentException.class, () -> new TotalAtLeast(dec("-1")));
        assertThrows(IllegalArgumentException.class, () -> new Earn(POINTS, dec("1"), dec("0"), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> camp("C1").build());
    }

    @Test
    void descriptions_read_as_words() {
        assertEquals("2 of a SKU tagged 'coffee' in the basket", new InBasket(Items.tagged("coffee"), dec("2")).describe());
        assertEquals("10% off the basket", new Discount(dec("10.00"), true, Optional.empty()).describe());
        assertEquals("earn 1 Points per unit spent × 2", earn(POINTS, "1", "2").describe());
        assertEquals("take 10 from Punches", new AddToBalance(PUNCHES, dec("-10")).describe());
        assertEquals("on Saturday, Sunday", new DaysOfWeek(Set.of(DayOfWeek.SUNDAY, DayOfWeek.SATURDAY)).describe());
        assertEquals("1 per card, 2 per card per 7 days, 100 in total",
                new Limits(Optional.of(1), Optional.of(new PerPeriod(2, Duration.ofDays(7))), Optional.of(100L)).describe());
    }

    // ---- the demo's configurations

    static Case punchCard(String name, long punches) {
        return when(name,
                camp("C1").priority(1).when(new InBasket(Items.tagged("coffee"), null)).then(new AddToBalance(PUNCHES, dec("1"))),
                camp("C2").priority(2).when(new BalanceAtLeast(PUNCHES, dec("10")))
                        .then(new AllocateCoupon(set("FREE-COFFEE")), new AddToBalance(PUNCHES, dec("-10")), say("Free coffee!")))
                .balance(PUNCHES, punches).line("LATTE", "1", "3.50");
    }

    static Case spendAndEarn(String name) {
        return when(name,
                camp("WEEKDAY").when(new DaysOfWeek(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY, DayOfWeek.FRIDAY))).then(earn(POINTS, "1", "1")),
                camp("WEEKEND").when(new DaysOfWeek(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY))).then(earn(POINTS, "1", "2")));
    }

    // ---- rendering an evaluation as one line

    static String render(Evaluation e) {
        List<String> parts = new ArrayList<>();
        e.balanceChanges().forEach((k, v) -> parts.add(k + (v > 0 ? "+" : "") + v));
        e.discounts().forEach(d -> parts.add("discount " + d.campaign() + " " + d.amount().toPlainString()
                + (d.skus().isEmpty() ? "" : " on " + d.skus())));
        if (e.totalDiscount().signum() != 0) {
            parts.add("total " + e.totalDiscount().toPlainString());
        }
        e.rewardCoupons().forEach(c -> parts.add("coupon " + c.campaign() + " " + c.set()));
        e.couponsToUse().forEach(c -> parts.add("use " + c));
        e.messages().forEach(m -> parts.add("say " + m));
        e.explanations().forEach(x -> parts.add(x.fired() ? x.campaign() + " fired" : x.campaign() + ": " + x.failed().orElseThrow()));
        return String.join("; ", parts);
    }

    // ---- building cases

    static Case when(String name, CampaignBuilder... campaigns) {
        return new Case(name, List.of(campaigns));
    }

    static CampaignBuilder camp(String id) {
        return new CampaignBuilder(id);
    }

    static Message say(String text) {
        return new Message(text);
    }

    static Earn earn(ValueTypeKey key, String rate, String multiplier) {
        return new Earn(key, dec(rate), dec(multiplier), Optional.empty());
    }

    static Limits perCard(int n) {
        return new Limits(Optional.of(n), Optional.empty(), Optional.empty());
    }

    static CouponSetId set(String id) {
        return new CouponSetId(id);
    }

    static BigDecimal dec(String text) {
        return new BigDecimal(text);
    }

    static final class CampaignBuilder {
        private final String id;
        private int priority = 100;
        private boolean stackable = true;
        private boolean enabled = true;
        private Instant from;
        private Instant to;
        private List<Condition> conditions = List.of();
        private List<Result> results = List.of();
        private Limits limits = Limits.NONE;

        CampaignBuilder(String id) {
            this.id = id;
        }

        CampaignBuilder priority(int p) {
            priority = p;
            return this;
        }

        CampaignBuilder stackable(boolean s) {
            stackable = s;
            return this;
        }

        CampaignBuilder enabled(boolean e) {
            enabled = e;
            return this;
        }

        CampaignBuilder window(Instant validFrom, Instant validTo) {
            from = validFrom;
            to = validTo;
            return this;
        }

        CampaignBuilder when(Condition... c) {
            conditions = List.of(c);
            return this;
        }

        CampaignBuilder then(Result... r) {
            results = List.of(r);
            return this;
        }

        CampaignBuilder limits(Limits l) {
            limits = l;
            return this;
        }

        Campaign build() {
            return new Campaign(BRAND, new CampaignId(id), null, enabled, Optional.ofNullable(from), Optional.ofNullable(to),
                    priority, stackable, conditions, results, limits);
        }
    }

    static final class Case {
        final String name;
        final List<CampaignBuilder> campaigns;
        final List<Basket.Line> lines = new ArrayList<>();
        String total;
        boolean anonymous;
        Instant at = TUESDAY_10_LOCAL;
        long checkoutsBefore = 3;
        final Map<ValueTypeKey, Long> balances = new HashMap<>();
        final Map<CampaignId, CardFacts.Fired> fires = new HashMap<>();
        final List<PresentedCoupon> coupons = new ArrayList<>();
        final Set<CampaignId> exhausted = new HashSet<>();
        String expected;

        Case(String name, List<CampaignBuilder> campaigns) {
            this.name = name;
            this.campaigns = campaigns;
        }

        Case line(String sku, String quantity, String unitPrice) {
            lines.add(new Basket.Line(sku, dec(quantity), dec(unitPrice)));
            return this;
        }

        Case noLines() {
            lines.clear();
            return this;
        }

        Case total(String t) {
            total = t;
            return this;
        }

        Case anonymous() {
            anonymous = true;
            return this;
        }

        Case at(Instant instant) {
            at = instant;
            return this;
        }

        Case checkoutsBefore(long n) {
            checkoutsBefore = n;
            return this;
        }

        Case balance(ValueTypeKey key, long minor) {
            balances.put(key, minor);
            return this;
        }

        Case fired(String campaign, String... instants) {
            fires.put(new CampaignId(campaign), CardFacts.Fired.at(Stream.of(instants).map(Instant::parse).toList()));
            return this;
        }

        /** Fired {@code total} times in all, of which the state remembers the firings at {@code instants}. */
        Case firedInAll(String campaign, long total, String... instants) {
            fires.put(new CampaignId(campaign), new CardFacts.Fired(total, Stream.of(instants).map(Instant::parse).toList()));
            return this;
        }

        Case coupon(String code, String set) {
            coupons.add(new PresentedCoupon(new CouponCode(code), new CouponSetId(set), Set.of()));
            return this;
        }

        Case exhausted(String campaign) {
            exhausted.add(new CampaignId(campaign));
            return this;
        }

        Case expect(String rendered) {
            expected = rendered;
            return this;
        }

        CheckoutConfig config() {
            return new CheckoutConfig(BRAND, ValueTypeKey.currency("USD"), ZoneId.of("America/New_York"),
                    List.of(new CouponSet(BRAND, set("FREE-COFFEE"), "Free coffee", Optional.empty(), Optional.empty())),
                    TAGS, campaigns.stream().map(CampaignBuilder::build).toList());
        }

        Situation situation() {
            BigDecimal sum = lines.stream().map(Basket.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            Basket basket = new Basket(lines, total != null ? dec(total) : sum);
            Optional<CardFacts> card = anonymous ? Optional.empty() : Optional.of(card());
            return new Situation(basket, card, coupons, new LocationId("DEMO001"), new LocationGroupId("STORES"), at, exhausted);
        }

        private CardFacts card() {
            ProgramId program = new ProgramId("LOYALTY");
            Map<ValueTypeKey, ValueType> types = new LinkedHashMap<>();
            types.put(POINTS, new ValueType(BRAND, program, POINTS, 0, ValueTypeLimits.NONE));
            types.put(PUNCHES, new ValueType(BRAND, program, PUNCHES, 0, ValueTypeLimits.NONE));
            types.put(STAMPS, new ValueType(BRAND, program, STAMPS, 1, ValueTypeLimits.NONE));
            return new CardFacts(new CardNumber("6100000000000006"), program, new CardSetId("LOYAL01"), true, balances,
                    types, checkoutsBefore, fires);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
