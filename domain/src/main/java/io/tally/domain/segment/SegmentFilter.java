package io.tally.domain.segment;

import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.shared.GeoPoint;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One condition of a segment (the glossary's Segmentation list), decided for one card's {@link MemberFacts} as of an
 * {@link EvaluationContext}. Pure: the same facts and moment always give the same answer. Filters are combined by
 * {@link FilterGroup} (AND / OR, nested).
 */
public sealed interface SegmentFilter permits FilterGroup, SegmentFilter.ActivationDate,
        SegmentFilter.EnrollmentDate, SegmentFilter.EnrollmentStatus, SegmentFilter.CustomerScore,
        SegmentFilter.Events, SegmentFilter.IssuedOrRedeemed, SegmentFilter.ItemsPurchased,
        SegmentFilter.PurchaseActivity, SegmentFilter.RewardsAndBalances, SegmentFilter.CustomerOccasion,
        SegmentFilter.FieldsCompleted, SegmentFilter.ChoiceOrNumberField, SegmentFilter.SumOfFields,
        SegmentFilter.TextField, SegmentFilter.Gender, SegmentFilter.AddressProximity,
        SegmentFilter.OwningLocationProximity {
    /** Upper bound of the fields a field filter names. */
    int MAX_FIELDS = 20;

    boolean matches(MemberFacts facts, EvaluationContext at);

    /** The card's activation day (a card never activated does not match). */
    record ActivationDate(DateWindow window) implements SegmentFilter {
        public boolean matches(MemberFacts f, EvaluationContext at) {
            return f.card().activatedAt().map(i -> window.contains(at.day(i), at.today())).orElse(false);
        }
    }

    /** The day the card was enrolled in the loyalty program (a card never enrolled does not match). */
    record EnrollmentDate(DateWindow window) implements SegmentFilter {
        public boolean matches(MemberFacts f, EvaluationContext at) {
            return f.card().enrolledAt().map(i -> window.contains(at.day(i), at.today())).orElse(false);
        }
    }

    /** Enrolled (members) or not enrolled (identified, non-members). */
    record EnrollmentStatus(boolean enrolled) implements SegmentFilter {
        public boolean matches(MemberFacts f, EvaluationContext at) {
            return f.card().enrolled() == enrolled;
        }
    }

    /** The customer score 0-100; a card without a score yet never matches. */
    record CustomerScore(Bounds score) implements SegmentFilter {
        public boolean matches(MemberFacts f, EvaluationContext at) {
            return f.customerScore().map(s -> score.contains(s.longValue())).orElse(false);
        }
    }

    /**
     * How many events (of one category, or of any) the card has: all time from the statistics' counts, or within a
     * period from its recent events.
     */
    record Events(Optional<String> category, Bounds count, Optional<DateWindow> period) implements SegmentFilter {
        public boolean matches(MemberFacts f, EvaluationContext at) {
            long n = period.isEmpty()
                    ? category.map(c -> f.statistics().eventsByCategory().getOrDefault(c, 0L))
                            .orElseGet(() -> f.statistics().eventsByCategory().values().stream().mapToLong(Long::longValue).sum())
                    : f.recentEvents().stream().filter(e -> category.map(e.category()::equals).orElse(true))
                            .filter(e -> period.get().contains(at.day(e.occurredAt()), at.today())).count();
            return count.contains(n);
        }
    }

    /** Issuance or redemption. */
    enum Movement { ISSUED, REDEEMED }

    /** The total ever issued to, or redeemed from, the card of one value type (minor units). */
    record IssuedOrRedeemed(Movement movement, ValueTypeKey valueType, Bounds amount) implements SegmentFilter {
        public boolean matches(MemberFacts f, EvaluationContext at) {
            var totals = movement == Movement.ISSUED ? f.statistics().issued() : f.statistics().redeemed();
            return amount.contains(totals.getOrDefault(valueType, 0L).longValue());
        }
    }

    /** Items bought: a SKU among the card's purchases (if given) and the number of items within the bounds. */
    record ItemsPurchased(Optional<String> sku, Bounds items) implements SegmentFilter {
        public boolean matches(MemberFacts f, EvaluationContext at) {
            return sku.map(f.statistics().skus()::contains).orElse(true) && items.contains(f.statistics().items());
        }
    }

    /** What purchase activity measures. */
    enum Measure { AVERAGE_ORDER_VALUE, ORDERS, SPEND }

    /** Average order value or spend (minor units), or the number of orders, within the bounds. */
    record PurchaseActivity(Measure measure, Bounds bounds) implements SegmentFilter {
        public boolean matches(MemberFacts f, EvaluationContext at) {
            MemberStatistics s = f.statistics();
            return bounds.contains(switch (measure) {
                case AVERAGE_ORDER_VALUE -> s.averageOrderValue();
                case ORDERS -> s.orders();
                case SPEND -> s.spend();
            });
        }
    }

    /**
     * The available balance (minor units, holds deducted, 0 when the card has none) of a value type, or without a
     * value type the number of rewards the card can use now.
     */
    record RewardsAndBalances(Optional<ValueTypeKey> valueType, Bounds bounds) implements SegmentFilter {
        public boolean matches(MemberFacts f, EvaluationContext at) {
            return bounds.contains(valueType.map(k -> f.balances().getOrDefault(k, 0L).longValue())
                    .orElse(f.availableRewards()));
        }
    }

    /** The occasions a customer has. */
    enum Occasion { BIRTHDAY, ENROLLMENT_ANNIVERSARY }

    /** A birthday or enrollment anniversary (month and day only) within the window; unknown dates never match. */
    record CustomerOccasion(Occasion occasion, MonthDayWindow window) implements SegmentFilter {
        public boolean matches(MemberFacts f, EvaluationContext at) {
            Optional<LocalDate> date = occasion == Occasion.BIRTHDAY
                    ? f.card().primaryCustomer().map(c -> c.birthDate())
                    : f.card().enrolledAt().map(at::day);
            return date.map(d -> window.contains(d, at.today())).orElse(false);
        }
    }

    /** How many of the named profile fields are filled in. */
    record FieldsCompleted(List<String> fields, Bounds completed) implements SegmentFilter {
        public FieldsCompleted {
            fields = checkFields(fields);
        }

        public boolean matches(MemberFacts f, EvaluationContext at) {
            return completed.contains(fields.stream().filter(n -> ProfileFields.value(f.card(), n).isPresent()).count());
        }
    }

    /**
     * A choice or number field: one of the allowed values (case-insensitive) if any are given, and a number within
     * the bounds if any are given. An empty field never matches.
     */
    record ChoiceOrNumberField(String field, Set<String> allowedValues, Bounds bounds) implements SegmentFilter {
        public ChoiceOrNumberField {
            field = checkFields(List.of(field)).get(0);
            allowedValues = allowedValues.stream().map(v -> v.strip().toLowerCase(Locale.ROOT))
                    .filter(v -> !v.isEmpty()).collect(Collectors.toUnmodifiableSet());
            if (allowedValues.size() > MAX_FIELDS) {
                throw new IllegalArgumentException("at most " + MAX_FIELDS + " allowed values");
            }
        }

        public boolean matches(MemberFacts f, EvaluationContext at) {
            Optional<String> value = ProfileFields.value(f.card(), field);
            if (value.isEmpty()) {
                return false;
            }
            boolean allowed = allowedValues.isEmpty() || allowedValues.contains(value.get().strip().toLowerCase(Locale.ROOT));
            boolean inBounds = bounds.equals(Bounds.ANY)
                    || ProfileFields.number(f.card(), field).map(bounds::contains).orElse(false);
            return allowed && inBounds;
        }
    }

    /** The sum of the named number fields (an empty or non-numeric field counts 0) within the bounds. */
    record SumOfFields(List<String> fields, Bounds sum) implements SegmentFilter {
        public SumOfFields {
            fields = checkFields(fields);
        }

        public boolean matches(MemberFacts f, EvaluationContext at) {
            return sum.contains(fields.stream().mapToDouble(n -> ProfileFields.number(f.card(), n).orElse(0.0)).sum());
        }
    }

    /** A text field equal to, or starting with, the text (case-insensitive, spaces around ignored). */
    record TextField(String field, boolean prefix, String text) implements SegmentFilter {
        public TextField {
            field = checkFields(List.of(field)).get(0);
            text = Objects.requireNonNull(text, "text").strip().toLowerCase(Locale.ROOT);
            if (text.isEmpty()) {
                throw new IllegalArgumentException("a text filter needs text");
            }
        }

        public boolean matches(MemberFacts f, EvaluationContext at) {
            return ProfileFields.value(f.card(), field).map(v -> v.strip().toLowerCase(Locale.ROOT))
                    .map(v -> prefix ? v.startsWith(text) : v.equals(text)).orElse(false);
        }
    }

    /** One gender (case-insensitive), or whether a gender was given at all: one at a time. */
    record Gender(Optional<String> value, boolean specified) implements SegmentFilter {
        public Gender {
            value = value.map(v -> v.strip().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty());
            if (value.isPresent() && !specified) {
                throw new IllegalArgumentException("a gender value implies a specified gender");
            }
        }

        public static Gender is(String value) {
            return new Gender(Optional.of(value), true);
        }

        public boolean matches(MemberFacts f, EvaluationContext at) {
            Optional<String> g = ProfileFields.value(f.card(), "gender").map(v -> v.toLowerCase(Locale.ROOT));
            return value.map(v -> g.map(v::equals).orElse(false)).orElse(g.isPresent() == specified);
        }
    }

    /** A circle on the map: a centre and a radius in metres. */
    record Circle(GeoPoint centre, long radiusMetres) {
        public Circle {
            Objects.requireNonNull(centre, "centre");
            if (radiusMetres < 0 || radiusMetres > 20_100_000) {
                throw new IllegalArgumentException("a radius is 0..20,100 km: " + radiusMetres);
            }
        }
    }

    /**
     * The customer's address within any of the circles (an OR between them); a customer whose address has no
     * coordinates never matches.
     */
    record AddressProximity(List<Circle> circles) implements SegmentFilter {
        public static final int MAX_CIRCLES = 10;

        public AddressProximity {
            circles = List.copyOf(circles);
            if (circles.isEmpty() || circles.size() > MAX_CIRCLES) {
                throw new IllegalArgumentException("1.." + MAX_CIRCLES + " circles");
            }
        }

        public boolean matches(MemberFacts f, EvaluationContext at) {
            return f.addressPoint().map(p -> circles.stream()
                    .anyMatch(c -> p.distanceKm(c.centre()) * 1000 <= c.radiusMetres())).orElse(false);
        }
    }

    /**
     * The distance in whole metres from the customer's address to the card's owning location (its coordinates, else
     * the brand's default coordinates), within the bounds. When either end is unknown the distance is -1 and is
     * compared as such: "at most 5,000" also matches unknown distances unless a minimum of 0 is set, and "-1 to -1"
     * selects exactly the cards whose distance is unknown.
     */
    record OwningLocationProximity(Bounds metres) implements SegmentFilter {
        public static long distanceMetres(MemberFacts f, EvaluationContext at) {
            Optional<GeoPoint> owning = f.owningLocationPoint().or(at::defaultPoint);
            if (f.addressPoint().isEmpty() || owning.isEmpty()) {
                return -1;
            }
            return Math.round(f.addressPoint().get().distanceKm(owning.get()) * 1000);
        }

        public boolean matches(MemberFacts f, EvaluationContext at) {
            return metres.contains(distanceMetres(f, at));
        }
    }

    private static List<String> checkFields(List<String> fields) {
        List<String> names = fields.stream().map(String::strip).filter(n -> !n.isEmpty()).distinct().toList();
        if (names.isEmpty() || names.size() > MAX_FIELDS || names.stream().anyMatch(n -> n.length() > 64)) {
            throw new IllegalArgumentException("1.." + MAX_FIELDS + " field names of at most 64 characters");
        }
        return names;
    }
}
