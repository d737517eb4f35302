package io.tally.domain.campaign;

import io.tally.domain.coupon.Coupon;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.engagement.EventCategoryId;
import io.tally.domain.program.BalanceType;
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
import java.time.format.TextStyle;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A brand-defined rule: when every condition holds at a checkout, its results apply. A campaign whose condition is
 * {@link EventOfCategory} is an event campaign instead ({@link #onEvent}): it never fires at a checkout, only when a
 * recorded event of the category is processed ({@link EventCampaignsListener}), and its results are {@link Award}s. Evaluated in priority order
 * (lower first, then by id) by {@link CampaignEngine}, which documents the semantics. Conditions and results are
 * plain data, validated here; each describes itself in words for the operator's listing and the explanations.
 *
 * @param validFrom inclusive; {@code validTo} exclusive
 * @param stackable false: fires only if no campaign fired before it in the same checkout, and none fires after it
 */
public record Campaign(BrandId brand, CampaignId id, String name, boolean enabled, Optional<Instant> validFrom,
                       Optional<Instant> validTo, int priority, boolean stackable, List<Condition> conditions,
                       List<Result> results, Limits limits) {
    public static final int MAX_CONDITIONS = 20;
    public static final int MAX_RESULTS = 20;
    public static final int MAX_PRIORITY = 1_000_000;
    /** Upper bound of the sets named by one condition (SKUs, programs, locations …). */
    public static final int MAX_SET = 100;

    public Campaign {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id.value() : name.strip();
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        conditions = List.copyOf(conditions);
        results = List.copyOf(results);
        Objects.requireNonNull(limits, "limits");
        require(name.length() <= 200, "a campaign name is at most 200 characters");
        require(validFrom.isEmpty() || validTo.isEmpty() || validTo.get().isAfter(validFrom.get()),
                "a campaign's validTo is after its validFrom");
        require(priority >= 0 && priority <= MAX_PRIORITY, "priority is 0-" + MAX_PRIORITY);
        require(conditions.size() <= MAX_CONDITIONS, "a campaign has at most " + MAX_CONDITIONS + " conditions");
        require(!results.isEmpty() && results.size() <= MAX_RESULTS, "a campaign has 1-" + MAX_RESULTS + " results");
        requireEventShape(conditions, results, limits);
    }

    /**
     * An event campaign has exactly one event condition and otherwise only {@link InSegment} conditions, only
     * {@link Award} results and no per-card limit (a card's state counts the firings of checkouts only); no other
     * campaign has an award.
     */
    private static void requireEventShape(List<Condition> conditions, List<Result> results, Limits limits) {
        long events = conditions.stream().filter(EventOfCategory.class::isInstance).count();
        boolean awards = results.stream().anyMatch(Award.class::isInstance);
        if (events == 0) {
            require(!awards, "an award is the result of an event campaign (condition eventOfCategory) only");
            return;
        }
        require(events == 1 && conditions.stream().allMatch(k -> k instanceof EventOfCategory || k instanceof InSegment),
                "an event campaign has the event's condition and, besides it, only inSegment conditions");
        require(results.stream().allMatch(Award.class::isInstance), "an event campaign's results are awards");
        require(!limits.perCardLimited(), "an event campaign has no per-card limit (a total limit is allowed)");
    }

    /** Fires on recorded events of a category, never at a checkout. */
    public boolean onEvent() {
        return conditions.stream().anyMatch(EventOfCategory.class::isInstance);
    }

    /** The segments its {@link InSegment} conditions name (membership is looked up for these only). */
    public Set<SegmentId> segments() {
        Set<SegmentId> named = new TreeSet<>(Comparator.comparing(SegmentId::value));
        conditions.stream().filter(InSegment.class::isInstance).forEach(k -> named.addAll(((InSegment) k).segments()));
        return Collections.unmodifiableSet(named);
    }

    /** Enabled, and {@code at} inside its window: the engine considers it. */
    public boolean activeAt(Instant at) {
        return enabled && validFrom.map(f -> !at.isBefore(f)).orElse(true) && validTo.map(at::isBefore).orElse(true);
    }

    /** Whether a result needs the card (balances, coupons to hand out): such a campaign never fires on an anonymous sale. */
    public boolean needsCard() {
        return limits.perCardLimited() || results.stream().anyMatch(Result::needsCard);
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Conditions

    /** Something a checkout must satisfy; the engine states the first one that fails in words. */
    public sealed interface Condition permits TotalAtLeast, InBasket, CouponPresented, CardProgram, CardSetOf,
            BalanceAtLeast, DaysOfWeek, TimeOfDay, AtLocation, AtLocationGroup, FirstCheckout, EnrollmentIs, EventOfCategory,
            InSegment {
        /** What the condition asks, e.g. "checkout total at least 20.00". */
        String describe();
    }

    /** The basket's checkout total is at or above {@code amount} (checkout currency). */
    public record TotalAtLeast(BigDecimal amount) implements Condition {
        public TotalAtLeast {
            requireAmount(amount, "amount");
        }

        @Override
        public String describe() {
            return "checkout total at least " + amount.toPlainString();
        }
    }

    /** The basket holds at least {@code minQuantity} (summed over lines) of the {@link Items}. */
    public record InBasket(Items items, BigDecimal minQuantity) implements Condition {
        public InBasket {
            Objects.requireNonNull(items, "items");
            minQuantity = minQuantity == null ? BigDecimal.ONE : minQuantity;
            require(minQuantity.signum() > 0, "minQuantity is positive");
        }

        @Override
        public String describe() {
            return (minQuantity.compareTo(BigDecimal.ONE) == 0 ? "" : minQuantity.toPlainString() + " of ")
                    + items.describe() + " in the basket";
        }
    }

    /** A coupon of one of the sets is presented (and not already used by an earlier campaign of the checkout). */
    public record CouponPresented(Set<CouponSetId> sets) implements Condition {
        public CouponPresented {
            sets = sorted(sets, "coupon sets", CouponSetId::value);
        }

        @Override
        public String describe() {
            return "a coupon of set " + names(sets) + " presented";
        }
    }

    public record CardProgram(Set<ProgramId> programs) implements Condition {
        public CardProgram {
            programs = sorted(programs, "programs", ProgramId::value);
        }

        @Override
        public String describe() {
            return "card of program " + names(programs);
        }
    }

    public record CardSetOf(Set<CardSetId> cardSets) implements Condition {
        public CardSetOf {
            cardSets = sorted(cardSets, "card sets", CardSetId::value);
        }

        @Override
        public String describe() {
            return "card of card set " + names(cardSets);
        }
    }

    /**
     * The card's balance of {@code valueType} (as changed by campaigns fired before this one) is at or above
     * {@code amount}, a decimal in the value type's unit (compared in minor units by its scale).
     */
    public record BalanceAtLeast(ValueTypeKey valueType, BigDecimal amount) implements Condition {
        public BalanceAtLeast {
            Objects.requireNonNull(valueType, "valueType");
            requireAmount(amount, "amount");
        }

        @Override
        public String describe() {
            return valueType + " balance at least " + amount.toPlainString();
        }
    }

    /** The checkout falls on one of the days, in the brand's checkout time zone. */
    public record DaysOfWeek(Set<DayOfWeek> days) implements Condition {
        public DaysOfWeek {
            require(days != null && !days.isEmpty(), "days are required");
            days = Collections.unmodifiableSet(EnumSet.copyOf(days));
        }

        @Override
        public String describe() {
            return "on " + days.stream().map(CampaignText::day).collect(Collectors.joining(", "));
        }
    }

    /**
     * The checkout's local time (brand's zone) is in [{@code from}, {@code to}); when {@code from} is after {@code to}
     * the window wraps midnight (22:00-02:00).
     */
    public record TimeOfDay(LocalTime from, LocalTime to) implements Condition {
        public TimeOfDay {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            require(!from.equals(to), "a time of day window has different from and to");
        }

        public boolean contains(LocalTime t) {
            return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
        }

        @Override
        public String describe() {
            return "between " + from + " and " + to;
        }
    }

    public record AtLocation(Set<LocationId> locations) implements Condition {
        public AtLocation {
            locations = sorted(locations, "locations", LocationId::value);
        }

        @Override
        public String describe() {
            return "at location " + names(locations);
        }
    }

    public record AtLocationGroup(Set<LocationGroupId> groups) implements Condition {
        public AtLocationGroup {
            groups = sorted(groups, "location groups", LocationGroupId::value);
        }

        @Override
        public String describe() {
            return "at a location of group " + names(groups);
        }
    }

    /** The card has no committed checkout before this one. */
    public record FirstCheckout() implements Condition {
        @Override
        public String describe() {
            return "the card's first checkout";
        }
    }

    /** The card is enrolled (a member), or, with {@code enrolled} false, is not. */
    public record EnrollmentIs(boolean enrolled) implements Condition {
        @Override
        public String describe() {
            return enrolled ? "card enrolled" : "card not enrolled";
        }
    }

    /**
     * The card is in one of the brand's segments, as the segment's latest complete evaluation snapshot says
     * ({@link io.tally.domain.segment.SegmentMembershipPort}): a segment never evaluated has no members, and a sale
     * without a card never matches. At most {@link #MAX_SEGMENTS} segments.
     */
    public record InSegment(Set<SegmentId> segments) implements Condition {
        public static final int MAX_SEGMENTS = 10;

        public InSegment {
            segments = sorted(segments, "segments", SegmentId::value);
            require(segments.size() <= MAX_SEGMENTS, "at most " + MAX_SEGMENTS + " segments");
        }

        @Override
        public String describe() {
            return "card in segment " + names(segments);
        }
    }

    /**
     * A recorded event of the category (and, with {@code minValue}, a value at or above it: an event without a value
     * then does not count). {@code minValue} has at most two decimals, as recorded values do.
     */
    public record EventOfCategory(EventCategoryId category, Optional<BigDecimal> minValue) implements Condition {
        public EventOfCategory {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(minValue, "minValue");
            minValue.ifPresent(v -> {
                requireAmount(v, "minValue");
                require(v.stripTrailingZeros().scale() <= 2, "minValue has at most 2 decimals");
            });
        }

        /** Whether an event of {@code category} with value {@code valueHundredths} (hundredths) satisfies it. */
        public boolean matches(EventCategoryId eventCategory, Optional<Long> valueHundredths) {
            return category.equals(eventCategory) && minValue.map(min -> valueHundredths
                    .map(v -> BigDecimal.valueOf(v, 2).compareTo(min) >= 0).orElse(false)).orElse(true);
        }

        @Override
        public String describe() {
            return "an event of category " + category + minValue.map(v -> " with a value at least " + v.toPlainString()).orElse("");
        }
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Results

    /** What a fired campaign does. */
    public sealed interface Result permits Discount, Earn, AddToBalance, AllocateCoupon, UseCoupon, Message, Award {
        String describe();

        /** True if it changes the card (balances, coupons handed out): such a result needs a card. */
        default boolean needsCard() {
            return false;
        }
    }

    /**
     * A discount in the checkout currency: {@code value} is an amount, or with {@code percent} a percentage (0-100] of
     * what it applies to: the basket (what is left after earlier campaigns' discounts) or, with {@code on}, the matching
     * lines. Never more than what it applies to; percentages rounded to the currency's scale HALF_UP.
     */
    public record Discount(BigDecimal value, boolean percent, Optional<Items> on) implements Result {
        private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

        public Discount {
            requireAmount(value, "value");
            require(value.signum() > 0, "a discount is positive");
            require(!percent || value.compareTo(HUNDRED) <= 0, "a percentage is at most 100");
            Objects.requireNonNull(on, "on");
        }

        @Override
        public String describe() {
            return (percent ? value.stripTrailingZeros().toPlainString() + "% off " : value.toPlainString() + " off ")
                    + on.map(Items::describe).orElse("the basket");
        }
    }

    /**
     * Issues {@code valueType} for what was spent: spent × {@code rate} × {@code multiplier} units, floored to the value
     * type's minor units. Spent is the checkout total less the discounts of campaigns fired before, or, with
     * {@code on}, the amount of the matching lines (before discounts, never more than that remaining total).
     */
    public record Earn(ValueTypeKey valueType, BigDecimal rate, BigDecimal multiplier, Optional<Items> on)
            implements Result {
        public Earn {
            Objects.requireNonNull(valueType, "valueType");
            requireAmount(rate, "rate");
            require(rate.signum() > 0, "a rate is positive");
            multiplier = multiplier == null ? BigDecimal.ONE : multiplier;
            require(multiplier.signum() > 0 && multiplier.compareTo(BigDecimal.valueOf(100)) <= 0,
                    "a multiplier is positive and at most 100");
            Objects.requireNonNull(on, "on");
        }

        @Override
        public String describe() {
            return "earn " + rate.stripTrailingZeros().toPlainString() + " " + valueType + " per unit spent"
                    + (multiplier.compareTo(BigDecimal.ONE) == 0 ? "" : " × " + multiplier.stripTrailingZeros().toPlainString())
                    + on.map(i -> " on " + i.describe()).orElse("");
        }

        @Override
        public boolean needsCard() {
            return true;
        }
    }

    /**
     * Adds {@code amount} (value type's unit; negative takes) to a Punches or Custom balance. A take is limited to the
     * balance as projected at that point (never below zero).
     */
    public record AddToBalance(ValueTypeKey valueType, BigDecimal amount) implements Result {
        public AddToBalance {
            Objects.requireNonNull(valueType, "valueType");
            Objects.requireNonNull(amount, "amount");
            require(valueType.type() == BalanceType.PUNCHES || valueType.type() == BalanceType.CUSTOM,
                    "only Punches and Custom balances are added to or taken from by a campaign");
            require(amount.signum() != 0, "an amount to add is not zero");
        }

        @Override
        public String describe() {
            return (amount.signum() > 0 ? "add " + amount.toPlainString() + " to " : "take " + amount.negate().toPlainString() + " from ")
                    + valueType;
        }

        @Override
        public boolean needsCard() {
            return true;
        }
    }

    /**
     * An event campaign's result: issues {@code amount} of {@code valueType} (a decimal in the value type's unit,
     * floored to its minor units) to the event's card, e.g. 50 points for a review.
     */
    public record Award(ValueTypeKey valueType, BigDecimal amount) implements Result {
        public Award {
            Objects.requireNonNull(valueType, "valueType");
            requireAmount(amount, "amount");
            require(amount.signum() > 0, "an award is positive");
        }

        @Override
        public String describe() {
            return "award " + amount.toPlainString() + " " + valueType;
        }

        @Override
        public boolean needsCard() {
            return true;
        }
    }

    /** Hands the card a coupon from the set's pool. */
    public record AllocateCoupon(CouponSetId set) implements Result {
        public AllocateCoupon {
            Objects.requireNonNull(set, "set");
        }

        @Override
        public String describe() {
            return "give a coupon of set " + set;
        }

        @Override
        public boolean needsCard() {
            return true;
        }
    }

    /** Marks one presented coupon of the set used (the first presented that no earlier campaign marked). */
    public record UseCoupon(CouponSetId set) implements Result {
        public UseCoupon {
            Objects.requireNonNull(set, "set");
        }

        @Override
        public String describe() {
            return "use the presented coupon of set " + set;
        }
    }

    /** A message for the till. */
    public record Message(String text) implements Result {
        public static final int MAX_LENGTH = 500;

        public Message {
            require(text != null && !text.isBlank() && text.length() <= MAX_LENGTH, "a message is 1-" + MAX_LENGTH + " characters");
        }

        @Override
        public String describe() {
            return "say \"" + text + "\"";
        }
    }

    /**
     * Lines of the basket a condition or result looks at: those whose SKU is one of {@code skus}, or is tagged
     * {@code tag} in {@link CheckoutConfig#skuTags}. Exactly one of the two is given.
     */
    public record Items(Set<String> skus, Optional<String> tag) {
        public Items {
            skus = sorted(skus == null ? Set.of() : skus, "skus", s -> s, true);
            Objects.requireNonNull(tag, "tag");
            require(skus.isEmpty() != tag.isEmpty(), "name either SKUs or a SKU tag");
            skus.forEach(s -> require(!s.isBlank() && s.length() <= 64, "a SKU is 1-64 characters"));
            tag.ifPresent(t -> require(Coupon.validTag(t), "a SKU tag is 1-64 letters, digits, '_', '.', '-' or ' '"));
        }

        public static Items skus(String... skus) {
            return new Items(Set.of(skus), Optional.empty());
        }

        public static Items tagged(String tag) {
            return new Items(Set.of(), Optional.of(tag));
        }

        public boolean matches(String sku, CheckoutConfig config) {
            return tag.map(t -> config.skuTags().getOrDefault(t, Set.of()).contains(sku)).orElseGet(() -> skus.contains(sku));
        }

        public String describe() {
            return tag.map(t -> "a SKU tagged '" + t + "'").orElseGet(() -> skus.size() == 1 ? "SKU " + skus.iterator().next()
                    : "one of SKUs " + String.join(", ", skus));
        }

        /** The words for "none of these": {@code no SKU tagged 'coffee'}, {@code none of SKUs A, B}. */
        public String none() {
            return tag.map(t -> "no SKU tagged '" + t + "'").orElseGet(() -> skus.size() == 1 ? "no SKU " + skus.iterator().next()
                    : "none of SKUs " + String.join(", ", skus));
        }
    }

    /**
     * How often a campaign may fire: per card in all, per card within a rolling period, in total across the brand.
     */
    public record Limits(Optional<Integer> perCard, Optional<PerPeriod> perCardPerPeriod, Optional<Long> total) {
        /**
         * The largest per-card limit, in all or per period (a per-period limit needs that many firings remembered in the
         * card's state).
         */
        public static final int MAX_PER_CARD = io.tally.domain.ledger.CheckoutStats.RECENT_FIRES;
        public static final Limits NONE = new Limits(Optional.empty(), Optional.empty(), Optional.empty());

        public Limits {
            Objects.requireNonNull(perCard, "perCard");
            Objects.requireNonNull(perCardPerPeriod, "perCardPerPeriod");
            Objects.requireNonNull(total, "total");
            require(perCard.map(n -> n >= 1 && n <= MAX_PER_CARD).orElse(true),
                    "a per-card limit is 1-" + MAX_PER_CARD);
            require(total.map(n -> n >= 1).orElse(true), "a total limit is at least 1");
        }

        /** Whether the card's fire history must be kept for this campaign. */
        public boolean perCardLimited() {
            return perCard.isPresent() || perCardPerPeriod.isPresent();
        }

        /**
         * How many of its latest firings a card's state keeps for this campaign when it fires: what its per-period limit
         * counts; none for a limit in all only, which the state's total decides.
         */
        public int firingsToKeep() {
            return perCardPerPeriod.map(PerPeriod::times).orElse(0);
        }

        public String describe() {
            List<String> parts = new java.util.ArrayList<>();
            perCard.ifPresent(n -> parts.add(n + " per card"));
            perCardPerPeriod.ifPresent(p -> parts.add(p.describe()));
            total.ifPresent(n -> parts.add(n + " in total"));
            return parts.isEmpty() ? "no limit" : String.join(", ", parts);
        }
    }

    public record PerPeriod(int times, Duration period) {
        public PerPeriod {
            Objects.requireNonNull(period, "period");
            if (times < 1 || times > Limits.MAX_PER_CARD || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a per-period limit is 1-" + Limits.MAX_PER_CARD + " times in a positive period");
            }
        }

        public String describe() {
            return times + " per card per " + CampaignText.duration(period);
        }
    }

    // ----------------------------------------------------------------------------------------------------------------

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static void requireAmount(BigDecimal amount, String what) {
        Objects.requireNonNull(amount, what);
        require(amount.signum() >= 0, what + " is not negative");
        require(amount.scale() <= 6 && amount.precision() - amount.scale() <= 12, what + " has at most 12 digits and 6 decimals");
    }

    private static <T> Set<T> sorted(Collection<T> values, String what, java.util.function.Function<T, String> name) {
        return sorted(values, what, name, false);
    }

    private static <T> Set<T> sorted(Collection<T> values, String what, java.util.function.Function<T, String> name,
                                     boolean mayBeEmpty) {
        require(values != null && (mayBeEmpty || !values.isEmpty()), what + " are required");
        require(values.size() <= MAX_SET, "at most " + MAX_SET + " " + what);
        TreeSet<T> set = new TreeSet<>(Comparator.comparing(name));
        set.addAll(values);
        return Collections.unmodifiableSet(set);
    }

    private static String names(Set<?> values) {
        return values.size() == 1 ? values.iterator().next().toString()
                : "one of " + values.stream().map(Object::toString).collect(Collectors.joining(", "));
    }

    /** Words shared by descriptions and explanations. */
    static final class CampaignText {
        private CampaignText() {
        }

        static String day(DayOfWeek d) {
            return d.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        }

        static String duration(Duration d) {
            if (d.toDaysPart() > 0 && d.toHoursPart() == 0 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0) {
                return d.toDays() == 1 ? "day" : d.toDays() + " days";
            }
            if (d.toHoursPart() > 0 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0 && d.toDaysPart() == 0) {
                return d.toHours() == 1 ? "hour" : d.toHours() + " hours";
            }
            return d.toString();
        }
    }
}
