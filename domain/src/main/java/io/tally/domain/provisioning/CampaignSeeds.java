package io.tally.domain.provisioning;

import static io.tally.domain.provisioning.SeedProblems.require;

import io.tally.domain.campaign.Campaign;
import io.tally.domain.campaign.Campaign.Condition;
import io.tally.domain.campaign.Campaign.Items;
import io.tally.domain.campaign.Campaign.Result;
import io.tally.domain.campaign.CampaignId;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.engagement.EventCategoryId;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.provisioning.Seed.CampaignSeed;
import io.tally.domain.provisioning.Seed.ConditionSeed;
import io.tally.domain.provisioning.Seed.LimitsSeed;
import io.tally.domain.provisioning.Seed.ResultSeed;
import io.tally.domain.segment.SegmentId;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns the campaigns of a seed (or of the operator's {@code campaigns put} file) into {@link Campaign}s, collecting
 * every problem: a wrong field, a field the kind does not have, a coupon set, SKU tag or value type the brand does not
 * define (when {@link Known} says what it defines).
 */
public final class CampaignSeeds {
    /**
     * What campaigns may refer to; an absent set is not checked.
     */
    public record Known(Optional<Set<String>> couponSets, Optional<Set<String>> skuTags,
                        Optional<Set<ValueTypeKey>> valueTypes) {
        public static final Known NOTHING_CHECKED = new Known(Optional.empty(), Optional.empty(), Optional.empty());
    }

    private final SeedProblems problems;

    private CampaignSeeds(SeedProblems problems) {
        this.problems = problems;
    }

    /** The campaigns, or an {@link InvalidSeedException} listing every problem. */
    public static List<Campaign> campaigns(BrandId brand, List<CampaignSeed> seeds, Known known) {
        List<String> problems = new ArrayList<>();
        List<Campaign> campaigns = campaigns(brand, seeds, known, "brand " + brand, new SeedProblems(problems));
        if (!problems.isEmpty()) {
            throw new InvalidSeedException(problems);
        }
        return campaigns;
    }

    static List<Campaign> campaigns(BrandId brand, List<CampaignSeed> seeds, Known known, String where,
                                    SeedProblems problems) {
        CampaignSeeds reader = new CampaignSeeds(problems);
        List<Campaign> campaigns = new ArrayList<>();
        for (CampaignSeed seed : seeds) {
            Campaign c = reader.campaign(brand, seed, known, where + ", campaign " + seed.id());
            if (c != null) {
                campaigns.add(c);
            }
        }
        reader.problems.requireUnique(where, "campaign id", seeds.stream().map(CampaignSeed::id).toList());
        return campaigns;
    }

    private Campaign campaign(BrandId brand, CampaignSeed s, Known known, String where) {
        int before = problems.count();
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < s.conditions().size(); i++) {
            ConditionSeed c = s.conditions().get(i);
            problems.add(conditions, where + ", condition " + (i + 1) + " (" + c.kind() + ")", () -> condition(c, known));
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < s.results().size(); i++) {
            ResultSeed r = s.results().get(i);
            problems.add(results, where + ", result " + (i + 1) + " (" + r.kind() + ")", () -> result(r, known));
        }
        if (problems.count() > before) {
            return null;
        }
        return problems.attempt(where, () -> new Campaign(brand, new CampaignId(s.id()), s.name(), s.enabled() == null || s.enabled(),
                instant(s.validFrom(), "validFrom"), instant(s.validTo(), "validTo"),
                s.priority() == null ? 100 : s.priority(), s.stackable() == null || s.stackable(), conditions, results,
                limits(s.limits())));
    }

    private static Condition condition(ConditionSeed c, Known known) {
        Map<String, Object> given = given("amount", c.amount(), "skus", c.skus(), "tag", c.tag(), "minQuantity",
                c.minQuantity(), "couponSets", c.couponSets(), "programs", c.programs(), "cardSets", c.cardSets(),
                "valueType", c.valueType(), "days", c.days(), "from", c.from(), "to", c.to(), "locations", c.locations(),
                "locationGroups", c.locationGroups(), "enrolled", c.enrolled(), "category", c.category(), "minValue", c.minValue(),
                "segments", c.segments());
        String kind = c.kind() == null ? "" : c.kind();
        return switch (kind) {
            case "totalAtLeast" -> only(given, List.of("amount"), () -> new Campaign.TotalAtLeast(decimal(c.amount(), "amount")));
            case "inBasket" -> only(given, List.of("skus", "tag", "minQuantity"), () -> new Campaign.InBasket(
                    items(c.skus(), c.tag(), known).orElseThrow(() -> new IllegalArgumentException("name skus or a tag")),
                    c.minQuantity() == null ? null : decimal(c.minQuantity(), "minQuantity")));
            case "couponPresented" -> only(given, List.of("couponSets"),
                    () -> new Campaign.CouponPresented(ids(c.couponSets(), s -> couponSet(s, known))));
            case "cardProgram" -> only(given, List.of("programs"), () -> new Campaign.CardProgram(ids(c.programs(), ProgramId::new)));
            case "cardSet" -> only(given, List.of("cardSets"), () -> new Campaign.CardSetOf(ids(c.cardSets(), CardSetId::new)));
            case "balanceAtLeast" -> only(given, List.of("valueType", "amount"),
                    () -> new Campaign.BalanceAtLeast(valueType(c.valueType(), known), decimal(c.amount(), "amount")));
            case "daysOfWeek" -> only(given, List.of("days"), () -> new Campaign.DaysOfWeek(ids(c.days(), CampaignSeeds::day)));
            case "timeOfDay" -> only(given, List.of("from", "to"),
                    () -> new Campaign.TimeOfDay(time(c.from(), "from"), time(c.to(), "to")));
            case "location" -> only(given, List.of("locations"), () -> new Campaign.AtLocation(ids(c.locations(), LocationId::new)));
            case "locationGroup" -> only(given, List.of("locationGroups"),
                    () -> new Campaign.AtLocationGroup(ids(c.locationGroups(), LocationGroupId::new)));
            case "firstCheckout" -> only(given, List.of(), Campaign.FirstCheckout::new);
            case "enrolled" -> only(given, List.of("enrolled"), () -> new Campaign.EnrollmentIs(
                    c.enrolled() == null || c.enrolled()));
            case "eventOfCategory" -> only(given, List.of("category", "minValue"), () -> {
                require(c.category() != null, "category is required");
                return new Campaign.EventOfCategory(new EventCategoryId(c.category()),
                        Optional.ofNullable(c.minValue()).map(v -> decimal(v, "minValue")));
            });
            // Segments are made in the back office (random ids), never in a seed, so their ids are checked for form only:
            // a segment that does not exist has no snapshot, and the condition never holds.
            case "inSegment" -> only(given, List.of("segments"), () -> new Campaign.InSegment(ids(c.segments(), SegmentId::new)));
            default -> throw new IllegalArgumentException("unknown condition kind '" + kind + "' (totalAtLeast, inBasket, "
                    + "couponPresented, cardProgram, cardSet, balanceAtLeast, daysOfWeek, timeOfDay, location, "
                    + "locationGroup, firstCheckout, enrolled, eventOfCategory, inSegment)");
        };
    }

    private static Result result(ResultSeed r, Known known) {
        Map<String, Object> given = given("amount", r.amount(), "percent", r.percent(), "skus", r.skus(), "tag", r.tag(),
                "valueType", r.valueType(), "rate", r.rate(), "multiplier", r.multiplier(), "couponSet", r.couponSet(),
                "text", r.text());
        String kind = r.kind() == null ? "" : r.kind();
        return switch (kind) {
            case "discount" -> only(given, List.of("amount", "percent", "skus", "tag"), () -> {
                require(r.amount() == null ^ r.percent() == null, "give either amount or percent");
                boolean percent = r.percent() != null;
                return new Campaign.Discount(decimal(percent ? r.percent() : r.amount(), percent ? "percent" : "amount"),
                        percent, items(r.skus(), r.tag(), known));
            });
            case "earn" -> only(given, List.of("valueType", "rate", "multiplier", "skus", "tag"),
                    () -> new Campaign.Earn(valueType(r.valueType(), known), decimal(r.rate(), "rate"),
                            r.multiplier() == null ? null : decimal(r.multiplier(), "multiplier"), items(r.skus(), r.tag(), known)));
            case "addToBalance" -> only(given, List.of("valueType", "amount"),
                    () -> new Campaign.AddToBalance(valueType(r.valueType(), known), signedDecimal(r.amount(), "amount")));
            case "allocateCoupon" -> only(given, List.of("couponSet"),
                    () -> new Campaign.AllocateCoupon(couponSet(r.couponSet(), known)));
            case "useCoupon" -> only(given, List.of("couponSet"), () -> new Campaign.UseCoupon(couponSet(r.couponSet(), known)));
            case "message" -> only(given, List.of("text"), () -> new Campaign.Message(r.text()));
            case "award" -> only(given, List.of("valueType", "amount"),
                    () -> new Campaign.Award(valueType(r.valueType(), known), decimal(r.amount(), "amount")));
            default -> throw new IllegalArgumentException("unknown result kind '" + kind
                    + "' (discount, earn, addToBalance, allocateCoupon, useCoupon, message, award)");
        };
    }

    private static Campaign.Limits limits(LimitsSeed l) {
        if (l == null) {
            return Campaign.Limits.NONE;
        }
        Optional<Campaign.PerPeriod> perPeriod = Optional.ofNullable(l.perCardPerPeriod()).map(p -> {
            require(p.times() != null && p.period() != null, "perCardPerPeriod needs times and period");
            try {
                return new Campaign.PerPeriod(p.times(), Duration.parse(p.period()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("period " + p.period() + " is not an ISO-8601 duration (P1D, PT12H)");
            }
        });
        return new Campaign.Limits(Optional.ofNullable(l.perCard()), perPeriod, Optional.ofNullable(l.total()));
    }

    // ---- fields

    private static Optional<Items> items(List<String> skus, String tag, Known known) {
        if ((skus == null || skus.isEmpty()) && tag == null) {
            return Optional.empty();
        }
        if (tag != null) {
            known.skuTags().ifPresent(tags -> require(tags.contains(tag), "SKU tag '" + tag + "' is not defined in skuTags"));
        }
        return Optional.of(new Items(skus == null ? Set.of() : Set.copyOf(skus), Optional.ofNullable(tag)));
    }

    private static CouponSetId couponSet(String id, Known known) {
        require(id != null, "couponSet is required");
        known.couponSets().ifPresent(sets -> require(sets.contains(id), "coupon set " + id + " is not defined in couponSets"));
        return new CouponSetId(id);
    }

    private static ValueTypeKey valueType(String text, Known known) {
        require(text != null, "valueType is required (Points, Punches, Custom:Code)");
        ValueTypeKey key = ValueTypeKey.parseText(text);
        known.valueTypes().ifPresent(types -> require(types.contains(key), "value type " + key
                + " is not in any of the brand's programs"));
        return key;
    }

    private static <T> Set<T> ids(List<String> values, Function<String, T> make) {
        require(values != null && !values.isEmpty(), "at least one value is required");
        return values.stream().map(make).collect(Collectors.toSet());
    }

    private static DayOfWeek day(String name) {
        try {
            return DayOfWeek.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown day " + name + " (MONDAY … SUNDAY)");
        }
    }

    private static LocalTime time(String text, String what) {
        require(text != null, what + " is required (HH:MM)");
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " " + text + " is not a time of day (HH:MM)");
        }
    }

    static Optional<Instant> instant(String text, String what) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " " + text + " is not an ISO-8601 instant (2026-03-01T00:00:00Z)");
        }
    }

    private static BigDecimal decimal(String text, String what) {
        BigDecimal d = signedDecimal(text, what);
        require(d.signum() >= 0, what + " is not negative");
        return d;
    }

    private static BigDecimal signedDecimal(String text, String what) {
        require(text != null, what + " is required");
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " " + text + " is not a decimal number");
        }
    }

    private static Map<String, Object> given(Object... namesAndValues) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                given.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return given;
    }

    /** Refuses fields the kind does not have (a typo or a misunderstanding), then builds. */
    private static <T> T only(Map<String, Object> given, List<String> allowed, java.util.function.Supplier<T> make) {
        List<String> foreign = given.keySet().stream().filter(k -> !allowed.contains(k)).toList();
        require(foreign.isEmpty(), "field " + String.join(", ", foreign) + " does not apply to this kind"
                + (allowed.isEmpty() ? "" : " (it has " + String.join(", ", allowed) + ")"));
        return make.get();
    }
}
