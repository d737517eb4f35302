package io.tally.domain.segment;

import io.tally.domain.program.BalanceType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.segment.SegmentFilter.ActivationDate;
import io.tally.domain.segment.SegmentFilter.AddressProximity;
import io.tally.domain.segment.SegmentFilter.ChoiceOrNumberField;
import io.tally.domain.segment.SegmentFilter.Circle;
import io.tally.domain.segment.SegmentFilter.CustomerOccasion;
import io.tally.domain.segment.SegmentFilter.CustomerScore;
import io.tally.domain.segment.SegmentFilter.EnrollmentDate;
import io.tally.domain.segment.SegmentFilter.EnrollmentStatus;
import io.tally.domain.segment.SegmentFilter.Events;
import io.tally.domain.segment.SegmentFilter.FieldsCompleted;
import io.tally.domain.segment.SegmentFilter.Gender;
import io.tally.domain.segment.SegmentFilter.IssuedOrRedeemed;
import io.tally.domain.segment.SegmentFilter.ItemsPurchased;
import io.tally.domain.segment.SegmentFilter.Measure;
import io.tally.domain.segment.SegmentFilter.Movement;
import io.tally.domain.segment.SegmentFilter.Occasion;
import io.tally.domain.segment.SegmentFilter.OwningLocationProximity;
import io.tally.domain.segment.SegmentFilter.PurchaseActivity;
import io.tally.domain.segment.SegmentFilter.RewardsAndBalances;
import io.tally.domain.segment.SegmentFilter.SumOfFields;
import io.tally.domain.segment.SegmentFilter.TextField;
import io.tally.domain.shared.GeoPoint;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A filter as named text parameters and back: the one shape the back office's builder posts and the store keeps
 * (each filter one parameter map, {@code type} naming it). Decoding checks everything the filters' constructors
 * check and answers a sentence for a person instead of an exception ({@link Decoded}).
 */
public final class FilterCodec {
    private FilterCodec() {
    }

    /** The filter kinds by their {@code type} parameter, with the label the builder shows. */
    public enum Kind {
        ACTIVATION("activation", "Activation date"), ENROLLMENT_DATE("enrollment-date", "Enrollment date"),
        ENROLLMENT_STATUS("enrollment-status", "Enrollment status"), SCORE("score", "Customer score"),
        EVENTS("events", "Events"), ISSUED_REDEEMED("issued-redeemed", "Issuances and redemptions"),
        ITEMS("items", "Items purchased"), PURCHASES("purchases", "Purchase activity"),
        BALANCES("balances", "Rewards and balances"), OCCASION("occasion", "Customer occasion"),
        FIELDS_COMPLETED("fields-completed", "Fields (# completed)"),
        FIELD_VALUE("field-value", "Fields (choice / number)"), FIELDS_SUM("fields-sum", "Fields (sum of values)"),
        TEXT("text", "Fields (text)"), GENDER("gender", "Gender"), ADDRESS("address", "Address proximity"),
        OWNING_LOCATION("owning-location", "Owning location proximity");

        private final String wire;
        private final String label;

        Kind(String wire, String label) {
            this.wire = wire;
            this.label = label;
        }

        public String wire() {
            return wire;
        }

        public String label() {
            return label;
        }

        public static Optional<Kind> byWire(String wire) {
            return Arrays.stream(values()).filter(k -> k.wire.equals(wire)).findFirst();
        }
    }

    /** A decoded filter, or why the parameters are not one. */
    public record Decoded(Optional<SegmentFilter> filter, String problem) {
        static Decoded of(SegmentFilter f) {
            return new Decoded(Optional.of(f), null);
        }

        static Decoded problem(String problem) {
            return new Decoded(Optional.empty(), problem);
        }
    }

    public static Kind kind(SegmentFilter f) {
        return encode(f).entrySet().stream().findFirst().flatMap(e -> Kind.byWire(e.getValue())).orElseThrow();
    }

    /** The filter's parameters, {@code type} first, absent values left out. */
    public static Map<String, String> encode(SegmentFilter f) {
        Map<String, String> p = new LinkedHashMap<>();
        if (f instanceof ActivationDate x) {
            p.put("type", Kind.ACTIVATION.wire());
            window(p, x.window());
        } else if (f instanceof EnrollmentDate x) {
            p.put("type", Kind.ENROLLMENT_DATE.wire());
            window(p, x.window());
        } else if (f instanceof EnrollmentStatus x) {
            p.put("type", Kind.ENROLLMENT_STATUS.wire());
            p.put("enrolled", x.enrolled() ? "yes" : "no");
        } else if (f instanceof CustomerScore x) {
            p.put("type", Kind.SCORE.wire());
            bounds(p, x.score());
        } else if (f instanceof Events x) {
            p.put("type", Kind.EVENTS.wire());
            x.category().ifPresent(c -> p.put("category", c));
            bounds(p, x.count());
            x.period().ifPresent(w -> window(p, w));
        } else if (f instanceof IssuedOrRedeemed x) {
            p.put("type", Kind.ISSUED_REDEEMED.wire());
            p.put("movement", x.movement().name().toLowerCase(Locale.ROOT));
            valueType(p, x.valueType());
            bounds(p, x.amount());
        } else if (f instanceof ItemsPurchased x) {
            p.put("type", Kind.ITEMS.wire());
            x.sku().ifPresent(s -> p.put("sku", s));
            bounds(p, x.items());
        } else if (f instanceof PurchaseActivity x) {
            p.put("type", Kind.PURCHASES.wire());
            p.put("measure", x.measure().name().toLowerCase(Locale.ROOT));
            bounds(p, x.bounds());
        } else if (f instanceof RewardsAndBalances x) {
            p.put("type", Kind.BALANCES.wire());
            x.valueType().ifPresent(k -> valueType(p, k));
            bounds(p, x.bounds());
        } else if (f instanceof CustomerOccasion x) {
            p.put("type", Kind.OCCASION.wire());
            p.put("occasion", x.occasion().name().toLowerCase(Locale.ROOT));
            x.window().from().ifPresent(d -> p.put("fromDay", monthDay(d)));
            x.window().to().ifPresent(d -> p.put("toDay", monthDay(d)));
            if (!x.window().fixed()) {
                p.put("daysAhead", String.valueOf(x.window().daysAhead()));
            }
        } else if (f instanceof FieldsCompleted x) {
            p.put("type", Kind.FIELDS_COMPLETED.wire());
            p.put("fields", String.join(",", x.fields()));
            bounds(p, x.completed());
        } else if (f instanceof ChoiceOrNumberField x) {
            p.put("type", Kind.FIELD_VALUE.wire());
            p.put("field", x.field());
            if (!x.allowedValues().isEmpty()) {
                p.put("allowed", x.allowedValues().stream().sorted().collect(Collectors.joining(",")));
            }
            bounds(p, x.bounds());
        } else if (f instanceof SumOfFields x) {
            p.put("type", Kind.FIELDS_SUM.wire());
            p.put("fields", String.join(",", x.fields()));
            bounds(p, x.sum());
        } else if (f instanceof TextField x) {
            p.put("type", Kind.TEXT.wire());
            p.put("field", x.field());
            p.put("match", x.prefix() ? "prefix" : "full");
            p.put("text", x.text());
        } else if (f instanceof Gender x) {
            p.put("type", Kind.GENDER.wire());
            x.value().ifPresentOrElse(v -> p.put("gender", v), () -> p.put("specified", x.specified() ? "yes" : "no"));
        } else if (f instanceof AddressProximity x) {
            p.put("type", Kind.ADDRESS.wire());
            p.put("circles", x.circles().stream()
                    .map(c -> c.centre().latitude() + "," + c.centre().longitude() + "," + c.radiusMetres())
                    .collect(Collectors.joining(";")));
        } else if (f instanceof OwningLocationProximity x) {
            p.put("type", Kind.OWNING_LOCATION.wire());
            bounds(p, x.metres());
        } else {
            throw new IllegalArgumentException("a group is not one filter");
        }
        return p;
    }

    /** The filter the parameters describe (blank values count as absent), or the first problem with them. */
    public static Decoded decode(Map<String, String> given) {
        Map<String, String> p = new TreeMap<>();
        given.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                p.put(k, v.strip());
            }
        });
        Optional<Kind> kind = Kind.byWire(p.getOrDefault("type", ""));
        if (kind.isEmpty()) {
            return Decoded.problem("Choose a kind of filter.");
        }
        try {
            return Decoded.of(build(kind.get(), p));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Decoded.problem(kind.get().label() + ": " + e.getMessage());
        }
    }

    /**
     * A group as lines, in prefix order: {@code G AND 2} opens a group of the next two members, {@code F <params>} is a
     * filter with its parameters URL-encoded ({@code type=score&min=51}). What the store keeps.
     */
    public static List<String> encodeTree(FilterGroup group) {
        List<String> lines = new ArrayList<>();
        addLines(group, lines);
        return lines;
    }

    /** The group the lines describe; a line that is not one is a stored item this code cannot read: a bug. */
    public static FilterGroup decodeTree(List<String> lines) {
        int[] at = {0};
        SegmentFilter root = readLine(lines, at);
        if (!(root instanceof FilterGroup g) || at[0] != lines.size()) {
            throw new IllegalStateException("stored filters are not one group");
        }
        return g;
    }

    private static void addLines(SegmentFilter f, List<String> lines) {
        if (f instanceof FilterGroup g) {
            lines.add("G " + g.join() + " " + g.members().size());
            g.members().forEach(m -> addLines(m, lines));
        } else {
            lines.add("F " + encode(f).entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&")));
        }
    }

    private static SegmentFilter readLine(List<String> lines, int[] at) {
        if (at[0] >= lines.size()) {
            throw new IllegalStateException("stored filters end inside a group");
        }
        String line = lines.get(at[0]++);
        if (line.startsWith("G ")) {
            String[] parts = line.split(" ");
            int n = Integer.parseInt(parts[2]);
            List<SegmentFilter> members = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                members.add(readLine(lines, at));
            }
            return new FilterGroup(FilterGroup.Join.valueOf(parts[1]), members);
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : line.substring(2).split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        Decoded d = decode(params);
        return d.filter().orElseThrow(() -> new IllegalStateException("stored filter unreadable: " + d.problem()));
    }

    private static SegmentFilter build(Kind kind, Map<String, String> p) {
        return switch (kind) {
            case ACTIVATION -> new ActivationDate(window(p));
            case ENROLLMENT_DATE -> new EnrollmentDate(window(p));
            case ENROLLMENT_STATUS -> new EnrollmentStatus(yes(p, "enrolled"));
            case SCORE -> new CustomerScore(bounds(p));
            case EVENTS -> new Events(Optional.ofNullable(p.get("category")), bounds(p),
                    p.containsKey("from") || p.containsKey("to") || p.containsKey("lastDays") ? Optional.of(window(p))
                            : Optional.empty());
            case ISSUED_REDEEMED -> new IssuedOrRedeemed(Movement.valueOf(required(p, "movement").toUpperCase(Locale.ROOT)),
                    valueType(p).orElseThrow(() -> new IllegalArgumentException("name a balance type")), bounds(p));
            case ITEMS -> new ItemsPurchased(Optional.ofNullable(p.get("sku")), bounds(p));
            case PURCHASES -> new PurchaseActivity(measure(required(p, "measure")), bounds(p));
            case BALANCES -> new RewardsAndBalances(valueType(p), bounds(p));
            case OCCASION -> new CustomerOccasion(occasion(required(p, "occasion")), p.containsKey("fromDay") || p.containsKey("toDay")
                    ? MonthDayWindow.between(monthDay(required(p, "fromDay")), monthDay(required(p, "toDay")))
                    : MonthDayWindow.upcoming(integer(p, "daysAhead").orElse(0)));
            case FIELDS_COMPLETED -> new FieldsCompleted(list(required(p, "fields")), bounds(p));
            case FIELD_VALUE -> {
                Set<String> allowed = Set.copyOf(list(p.getOrDefault("allowed", "")));
                Bounds b = bounds(p);
                if (allowed.isEmpty() && b.equals(Bounds.ANY)) {
                    throw new IllegalArgumentException("give allowed values, a minimum or a maximum");
                }
                yield new ChoiceOrNumberField(required(p, "field"), allowed, b);
            }
            case FIELDS_SUM -> new SumOfFields(list(required(p, "fields")), bounds(p));
            case TEXT -> new TextField(required(p, "field"), "prefix".equals(p.get("match")), required(p, "text"));
            case GENDER -> p.containsKey("gender") ? Gender.is(p.get("gender"))
                    : new Gender(Optional.empty(), yes(p, "specified"));
            case ADDRESS -> new AddressProximity(circles(required(p, "circles")));
            case OWNING_LOCATION -> new OwningLocationProximity(bounds(p));
        };
    }

    private static void window(Map<String, String> p, DateWindow w) {
        w.from().ifPresent(d -> p.put("from", d.toString()));
        w.to().ifPresent(d -> p.put("to", d.toString()));
        w.lastDays().ifPresent(n -> p.put("lastDays", String.valueOf(n)));
    }

    private static DateWindow window(Map<String, String> p) {
        return new DateWindow(Optional.ofNullable(p.get("from")).map(LocalDate::parse),
                Optional.ofNullable(p.get("to")).map(LocalDate::parse), integer(p, "lastDays"));
    }

    private static void bounds(Map<String, String> p, Bounds b) {
        b.min().ifPresent(m -> p.put("min", String.valueOf(m)));
        b.max().ifPresent(m -> p.put("max", String.valueOf(m)));
    }

    private static Bounds bounds(Map<String, String> p) {
        return new Bounds(longValue(p, "min"), longValue(p, "max"));
    }

    private static void valueType(Map<String, String> p, ValueTypeKey k) {
        p.put("balanceType", k.type().wireName());
        if (k.code() != null) {
            p.put("balanceCode", k.code());
        }
    }

    private static Optional<ValueTypeKey> valueType(Map<String, String> p) {
        if (!p.containsKey("balanceType")) {
            return Optional.empty();
        }
        BalanceType type = BalanceType.fromWire(p.get("balanceType"))
                .orElseThrow(() -> new IllegalArgumentException("unknown balance type " + p.get("balanceType")));
        return Optional.of(new ValueTypeKey(type, p.get("balanceCode")));
    }

    private static Measure measure(String s) {
        return switch (s) {
            case "average_order_value", "aov" -> Measure.AVERAGE_ORDER_VALUE;
            case "orders" -> Measure.ORDERS;
            case "spend" -> Measure.SPEND;
            default -> throw new IllegalArgumentException("measure is average order value, orders or spend");
        };
    }

    private static Occasion occasion(String s) {
        return switch (s) {
            case "birthday" -> Occasion.BIRTHDAY;
            case "enrollment_anniversary", "anniversary" -> Occasion.ENROLLMENT_ANNIVERSARY;
            default -> throw new IllegalArgumentException("the occasion is a birthday or an enrollment anniversary");
        };
    }

    private static String monthDay(MonthDay d) {
        return String.format("%02d-%02d", d.getMonthValue(), d.getDayOfMonth());
    }

    private static MonthDay monthDay(String s) {
        try {
            return MonthDay.parse("--" + s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a day of the year is MM-DD, like 02-29: " + s);
        }
    }

    private static List<Circle> circles(String text) {
        List<Circle> circles = new ArrayList<>();
        for (String part : text.split("[;\\n]")) {
            if (part.isBlank()) {
                continue;
            }
            String[] n = part.strip().split("\\s*,\\s*");
            if (n.length != 3) {
                throw new IllegalArgumentException("each point is latitude, longitude, radius in metres");
            }
            try {
                circles.add(new Circle(new GeoPoint(Double.parseDouble(n[0]), Double.parseDouble(n[1])), Long.parseLong(n[2])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("each point is latitude, longitude, radius in metres (numbers)");
            }
        }
        return circles;
    }

    private static boolean yes(Map<String, String> p, String name) {
        return switch (required(p, name)) {
            case "yes", "true" -> true;
            case "no", "false" -> false;
            default -> throw new IllegalArgumentException(name + " is yes or no");
        };
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String required(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return v;
    }

    private static Optional<Integer> integer(Map<String, String> p, String name) {
        return longValue(p, name).map(v -> {
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(name + " is too large");
            }
            return v.intValue();
        });
    }

    private static Optional<Long> longValue(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number: " + v);
        }
    }
}
