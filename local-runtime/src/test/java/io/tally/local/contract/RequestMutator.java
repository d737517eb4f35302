package io.tally.local.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Bad requests derived from a good one, for {@code MerchantFuzzIT}: each a body (bytes, not always JSON nor even UTF-8)
 * and header changes, drawn with the caller's {@link Random} so that a seed replays a run exactly. A value that Jackson
 * would not write (a duplicate field name, {@code 1e400}, an unpaired surrogate escape) goes in as raw JSON text in
 * place of a marker string.
 */
public final class RequestMutator {
    /** What a mutation does. */
    public enum Kind {
        DROP_FIELD, NULL_VALUE, WRONG_TYPE, EMPTY_STRING, ODD_NUMBER, LONG_STRING, CONTROL_CHARACTERS,
        UNPAIRED_SURROGATE, OTHER_UNICODE, DUPLICATE_FIELD, UNKNOWN_FIELD, DEEP_NESTING, NOT_AN_OBJECT, TRUNCATED_JSON,
        EMPTY_BODY, INVALID_UTF8, OTHER_CARD, BAD_HEADER, MISSING_HEADER, ODD_DATE, ODD_ID, LONG_ARRAY,
        OTHER_KNOWN_VALUE
    }

    /** A mutated request: its body and the headers it changes (a {@code null} value removes the header). */
    public record Mutant(Kind kind, String description, byte[] body, Map<String, String> headers) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARKER = "@@FUZZ@@";
    private static final List<String> WRONG_TYPES = List.of("\"text\"", "42", "true", "false", "[]", "{}", "[1, \"a\"]",
            "{\"a\": \"b\"}", "0", "\"\"");
    private static final List<String> ODD_NUMBERS = List.of("1e400", "-1e400", "-0", "-0.0", "0.0000001", "1E-7", "1e2",
            "12345678901234567890", "-12345678901234567890", "99999999999999999999999999999999", "0.1234567890123456789",
            "-1", "-5", "2.5", "0.005", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e15",
            "1e18", "4.9e-324", "1.7976931348623157e308", "\"1e400\"", "\"-0\"", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"",
            "\" 5 \"", "\"0x10\"", "\"1,5\"", "\"12345678901234567890\"", "0", "100000000000000000000.5");
    private static final List<String> CONTROL = List.of("\\u0000", "a\\u0000b", "\\u0001\\u001f", "\\t\\r\\n", "\\u007f",
            "\\u0085", "\\u2028", "\\b\\f", "\\u001b[31m");
    private static final List<String> SURROGATES = List.of("\\ud800", "A\\udc00B", "\\ude00\\ud83d", "x\\ud83d",
            "\\udbff\\udbff", "\\udfff");
    private static final List<String> UNICODE = List.of("😀", "\uffff", "\ufffe", "\ufeff", "İstanbul", "ß", "\u202eabc",
            "e\u0301", "\u200b", "𝟔𝟎𝟒𝟗", "日本語", "\u0660\u0661\u0662", "６０４９２６３０１７７８３３１４", "Ω", "\u00a0", "\ud83d\ude00\ud83d\ude00");
    private static final List<String> DATES = List.of("2025-02-30 00:00:00", "2025-13-01", "9999-12-31 23:59:59",
            "0000-01-01 00:00:00", "-999999999-01-01", "+1000000000-01-01", "2025-01-01T00:00:00+25:00",
            "2025-01-01T24:00:00Z", "1970-01-01", "2025-01-01 00:00:60", "now", "2025-1-1", "2025-01-01 00:00:00.123456789",
            "2025-01-01T00:00:00Z[UTC]", "99999-01-01", "1900-01-01", "2038-01-19 03:14:08", "1e400", "2025-01-01 ");
    private static final List<String> DATE_FIELDS = List.of("beginDate", "endDate", "eventTime", "birthDate",
            "dateOfBirth", "validTo");
    private static final List<String> UNKNOWN_NAMES = List.of("zzUnknown", "__proto__", "constructor", "", "cardNumber",
            "amount", "customRequestId", "brand", "isSetup", "pin", "A".repeat(300));
    // header values stay ASCII: the JDK's HTTP client sends any other character as '?' (two ids would be one)
    private static final List<String[]> BAD_HEADERS = List.of(
            new String[] {"brand", "OTHER"}, new String[] {"brand", "demo"}, new String[] {"brand", ""},
            new String[] {"location", "NOPE"}, new String[] {"location", "DEMO002"}, new String[] {"terminal", "pos-9"},
            new String[] {"terminal", ""}, new String[] {"employee", "ghost"}, new String[] {"employeePassword", "x"},
            new String[] {"Authorization", "Basic !!!"}, new String[] {"Authorization", "Bearer x"},
            new String[] {"Authorization", "Basic ZGVtby1wb3M6d3Jvbmc="}, new String[] {"Content-Type", "text/plain"},
            new String[] {"customRequestId", ""}, new String[] {"customRequestId", "r".repeat(129)},
            new String[] {"customRequestId", "r".repeat(128)}, new String[] {"customRequestId", "event-award/fuzz"},
            new String[] {"customRequestId", "a b/../*"}, new String[] {"note", "n".repeat(5000)},
            new String[] {"externalTransactionId", "x".repeat(2000)}, new String[] {"note", "\\ud800"},
            new String[] {"employee", "e".repeat(300)});
    private static final List<String> REQUIRED_HEADERS = List.of("Authorization", "brand", "location", "terminal",
            "Content-Type", "customRequestId");

    private final Random random;
    private final List<String> knownValues;

    /**
     * {@code knownValues}: raw JSON values the API knows in some place (the document's enums, the examples' values), to
     * put in other places: a valid action in the wrong method, a balance type where a card number belongs.
     */
    public RequestMutator(Random random, List<String> knownValues) {
        this.random = random;
        this.knownValues = List.copyOf(knownValues);
    }

    /** The document's enum values and every scalar of its request examples, as raw JSON, each once, in document order. */
    public static List<String> knownValues(JsonNode document) {
        Set<String> values = new LinkedHashSet<>();
        collect(document, values);
        return List.copyOf(values);
    }

    private static void collect(JsonNode node, Set<String> values) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("enum") || e.getKey().equals("const")) {
                    (e.getValue().isArray() ? e.getValue() : JSON.createArrayNode().add(e.getValue()))
                            .forEach(v -> values.add(text(v)));
                } else if (e.getKey().equals("value") && e.getValue().isObject()) {
                    slots(e.getValue()).stream().map(Slot::value).filter(JsonNode::isValueNode).forEach(v -> values.add(text(v)));
                } else {
                    collect(e.getValue(), values);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, values));
        }
    }

    /**
     * A mutation of {@code kind} of the request; {@code cards} are card numbers the stack knows (to swap in), {@code
     * requestIds} customRequestIds already used (to reuse).
     */
    public Mutant mutate(Kind kind, ObjectNode request, List<String> cards, List<String> requestIds) {
        ObjectNode copy = request.deepCopy();
        List<Slot> slots = slots(copy);
        return switch (kind) {
            case DROP_FIELD -> slots.isEmpty() ? whole(kind, "{\"\": }") : drop(copy, pick(slots));
            case NULL_VALUE -> raw(kind, copy, slots, "null");
            case WRONG_TYPE -> raw(kind, copy, slots, pick(WRONG_TYPES));
            case EMPTY_STRING -> raw(kind, copy, slots, "\"\"");
            case ODD_NUMBER -> raw(kind, copy, slots, pick(ODD_NUMBERS));
            case LONG_STRING -> raw(kind, copy, slots, "\"" + pick(List.of("a", "7", "é", "😀", " "))
                    .repeat(pick(List.of(65, 129, 257, 1025, 20_000, 70_000))) + "\"");
            case CONTROL_CHARACTERS -> raw(kind, copy, slots, "\"" + pick(CONTROL) + "\"");
            case UNPAIRED_SURROGATE -> random.nextBoolean() ? raw(kind, copy, slots, "\"" + pick(SURROGATES) + "\"")
                    : field(kind, copy, "\"" + pick(SURROGATES) + "\"", "1");
            case OTHER_UNICODE -> raw(kind, copy, slots, jsonString(pick(UNICODE)));
            case DUPLICATE_FIELD -> duplicate(copy, slots);
            case UNKNOWN_FIELD -> field(kind, copy, jsonString(pick(UNKNOWN_NAMES)), pick(WRONG_TYPES));
            case DEEP_NESTING -> raw(kind, copy, slots, nested(pick(List.of(10, 33, 64, 200, 1000, 5000))));
            case NOT_AN_OBJECT -> whole(kind, pick(List.of("null", "[]", "[{}]", "\"x\"", "42", "true", "[" + text(request) + "]",
                    text(request) + text(request), text(request) + "x")));
            case TRUNCATED_JSON -> {
                String text = text(request);
                yield whole(kind, text.substring(0, text.length() <= 1 ? 0 : 1 + random.nextInt(text.length() - 1)));
            }
            case EMPTY_BODY -> whole(kind, pick(List.of("", " ", "\n")));
            case INVALID_UTF8 -> invalidUtf8(copy, slots);
            case OTHER_CARD -> otherCard(copy, slots, cards);
            case BAD_HEADER -> header(kind, request, pickHeader(requestIds));
            case MISSING_HEADER -> header(kind, request, new String[] {pick(REQUIRED_HEADERS), null});
            case ODD_DATE -> oddDate(copy, slots);
            case ODD_ID -> oddId(copy, slots);
            case LONG_ARRAY -> longArray(copy, slots);
            case OTHER_KNOWN_VALUE -> raw(kind, copy, slots, pick(knownValues));
        };
    }

    private String[] pickHeader(List<String> requestIds) {
        if (!requestIds.isEmpty() && random.nextInt(4) == 0) {
            return new String[] {"customRequestId", pick(requestIds)};
        }
        return pick(BAD_HEADERS);
    }

    /** A place in the tree: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String field, int index, JsonNode value) {
        String where() {
            return field != null ? field : "[" + index + "]";
        }

        void set(JsonNode node) {
            if (parent instanceof ObjectNode object) {
                object.set(field, node);
            } else {
                ((ArrayNode) parent).set(index, node);
            }
        }
    }

    private static List<Slot> slots(JsonNode node) {
        List<Slot> slots = new ArrayList<>();
        if (node.isObject()) {
            node.properties().forEach(e -> {
                slots.add(new Slot(node, e.getKey(), -1, e.getValue()));
                slots.addAll(slots(e.getValue()));
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                slots.add(new Slot(node, null, i, node.get(i)));
                slots.addAll(slots(node.get(i)));
            }
        }
        return slots;
    }

    private Mutant drop(ObjectNode root, Slot slot) {
        if (slot.parent() instanceof ObjectNode object) {
            object.remove(slot.field());
        } else {
            ((ArrayNode) slot.parent()).remove(slot.index());
        }
        return new Mutant(Kind.DROP_FIELD, "drop " + slot.where(), bytes(text(root)), Map.of());
    }

    /** The value at a random slot replaced by raw JSON (a new field when the request has none). */
    private Mutant raw(Kind kind, ObjectNode root, List<Slot> slots, String rawJson) {
        if (slots.isEmpty()) {
            return field(kind, root, jsonString(pick(UNKNOWN_NAMES)), rawJson);
        }
        Slot slot = pick(slots);
        slot.set(TextNode.valueOf(MARKER));
        return new Mutant(kind, slot.where() + " = " + abbreviate(rawJson), bytes(text(root).replace("\"" + MARKER + "\"", rawJson)),
                Map.of());
    }

    /** A field {@code rawName: rawValue} added to a random object of the tree (both raw JSON). */
    private Mutant field(Kind kind, ObjectNode root, String rawName, String rawValue) {
        List<ObjectNode> objects = new ArrayList<>();
        objects.add(root);
        slots(root).stream().filter(s -> s.value().isObject()).forEach(s -> objects.add((ObjectNode) s.value()));
        return fieldIn(kind, root, pick(objects), rawName, rawValue);
    }

    private static Mutant fieldIn(Kind kind, ObjectNode root, ObjectNode object, String rawName, String rawValue) {
        object.put(MARKER, MARKER);
        String text = text(root).replace("\"" + MARKER + "\":\"" + MARKER + "\"", rawName + ":" + rawValue);
        return new Mutant(kind, "add " + abbreviate(rawName) + ": " + abbreviate(rawValue), bytes(text), Map.of());
    }

    private Mutant duplicate(ObjectNode root, List<Slot> slots) {
        List<Slot> fields = slots.stream().filter(s -> s.field() != null).toList();
        if (fields.isEmpty()) {
            return whole(Kind.DUPLICATE_FIELD, "{\"a\": 1, \"a\": 2}");
        }
        Slot slot = pick(fields);
        String again = random.nextBoolean() ? text(slot.value()) : pick(WRONG_TYPES);
        return fieldIn(Kind.DUPLICATE_FIELD, root, (ObjectNode) slot.parent(), jsonString(slot.field()), again);
    }

    private Mutant invalidUtf8(ObjectNode root, List<Slot> slots) {
        byte[][] sequences = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xC0, (byte) 0xAF}, {(byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
        List<Slot> strings = slots.stream().filter(s -> s.value().isTextual()).toList();
        String text;
        if (strings.isEmpty()) {
            root.put(MARKER, MARKER);
            text = text(root).replace("\"" + MARKER + "\":", "\"zz\":");
        } else {
            strings.get(random.nextInt(strings.size())).set(TextNode.valueOf(MARKER));
            text = text(root);
        }
        int at = text.indexOf(MARKER);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(text.substring(0, at)));
        out.writeBytes(sequences[random.nextInt(sequences.length)]);
        out.writeBytes(bytes(text.substring(at + MARKER.length())));
        return new Mutant(Kind.INVALID_UTF8, "invalid UTF-8 in a string", out.toByteArray(), Map.of());
    }

    private Mutant otherCard(ObjectNode root, List<Slot> slots, List<String> cards) {
        String other = cards.isEmpty() ? luhn("604926301778331") : pick(cards);
        String rawCard = pick(List.of("\"" + other + "\"", other.replaceFirst("^0+", ""), "\"" + luhn("6049" + digits(11)) + "\"",
                "\"" + digits(16) + "\"", "\"" + other.replaceAll("(\\d{4})", "$1-") + "\"", "\" " + other + " \"",
                "\"" + other.replaceAll("(\\d{4})", "$1\u00a0") + "\"", "\"" + fullwidth(other) + "\"", "\"- -\"",
                "\"" + luhn("6049" + digits(14)) + "\"", "\"" + " ".repeat(60) + other + "\""));
        List<Slot> cardSlots = slots.stream().filter(s -> s.field() != null && s.field().toLowerCase().contains("card")
                && (s.value().isTextual() || s.value().isNumber())).toList();
        if (cardSlots.isEmpty()) {
            return field(Kind.OTHER_CARD, root, "\"cardNumber\"", rawCard);
        }
        Slot slot = pick(cardSlots);
        slot.set(TextNode.valueOf(MARKER));
        return new Mutant(Kind.OTHER_CARD, slot.where() + " = " + rawCard,
                bytes(text(root).replace("\"" + MARKER + "\"", rawCard)), Map.of());
    }

    private Mutant oddDate(ObjectNode root, List<Slot> slots) {
        String date = jsonString(pick(DATES));
        List<Slot> dates = slots.stream().filter(s -> s.field() != null && (s.field().endsWith("Date")
                || s.field().endsWith("Time") || s.field().startsWith("valid"))).toList();
        return dates.isEmpty() ? field(Kind.ODD_DATE, root, jsonString(pick(DATE_FIELDS)), date)
                : raw(Kind.ODD_DATE, root, dates, date);
    }

    /** An id (transaction, setup, coupon, card set) a little off: longer, shorter, padded, in other case, all zeros. */
    private Mutant oddId(ObjectNode root, List<Slot> slots) {
        List<Slot> ids = slots.stream().filter(s -> s.value().isTextual() || s.value().isIntegralNumber())
                .filter(s -> s.field() == null || s.field().endsWith("Id") || s.field().toLowerCase().contains("code")
                        || s.field().equals("cardNumber") || s.field().equals("pin")).toList();
        if (ids.isEmpty()) {
            return field(Kind.ODD_ID, root, "\"transactionId\"", jsonString("0".repeat(32)));
        }
        Slot slot = pick(ids);
        String id = slot.value().asText();
        String odd = pick(List.of(id + "0", id.isEmpty() ? "" : id.substring(0, id.length() - 1), "0".repeat(id.length()),
                "9".repeat(id.length() + 8), id.toLowerCase(), id.toUpperCase(), " " + id, id + "\t", id + "x", "-" + id,
                "0" + id, id.replace('0', 'O')));
        String rawOdd = random.nextInt(4) == 0 && !odd.isEmpty() && odd.chars().allMatch(Character::isDigit)
                ? odd.replaceFirst("^0+(?=.)", "") : jsonString(odd);
        return raw(Kind.ODD_ID, root, List.of(slot), rawOdd);
    }

    /** An array of the request grown to many copies of its first element (or a new {@code products} of many). */
    private Mutant longArray(ObjectNode root, List<Slot> slots) {
        int n = pick(List.of(2, 21, 101, 1001, 5000));
        List<Slot> arrays = slots.stream().filter(s -> s.value().isArray() && !s.value().isEmpty()).toList();
        if (arrays.isEmpty()) {
            return field(Kind.LONG_ARRAY, root, "\"products\"", "[" + String.join(",",
                    Collections.nCopies(n, "{\"sku\":\"A\",\"unitPrice\":1}")) + "]");
        }
        Slot slot = pick(arrays);
        String element = text(slot.value().get(0));
        return raw(Kind.LONG_ARRAY, root, List.of(slot), "[" + String.join(",", Collections.nCopies(n, element)) + "]");
    }

    private Mutant header(Kind kind, ObjectNode request, String[] header) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(header[0], header[1]);
        return new Mutant(kind, header[0] + (header[1] == null ? " removed" : ": " + abbreviate(header[1])),
                bytes(text(request)), headers);
    }

    private static Mutant whole(Kind kind, String body) {
        return new Mutant(kind, "body " + abbreviate(body), bytes(body), Map.of());
    }

    private static String nested(int depth) {
        boolean arrays = depth % 2 == 0;
        return (arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
    }

    private String digits(int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(random.nextInt(10));
        }
        return out.toString();
    }

    /** The number with its Luhn check digit appended. */
    static String luhn(String payload) {
        int sum = 0;
        for (int i = 0; i < payload.length(); i++) {
            int d = payload.charAt(payload.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return payload + (10 - sum % 10) % 10;
    }

    private static String fullwidth(String digits) {
        StringBuilder out = new StringBuilder();
        digits.chars().forEach(c -> out.append(Character.isDigit(c) ? (char) ('\uff10' + (c - '0')) : (char) c));
        return out.toString();
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static String jsonString(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…(" + text.length() + " chars)";
    }
}
