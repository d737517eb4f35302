package io.tally.sqs.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random JSON documents, valid and damaged, through {@link WireJson} and through {@link Json#mapper()}: both accept
 * or both refuse, and what they accept reads to the same tree and writes to the same text. The one difference is
 * meant: text holding an unpaired surrogate (the strings are drawn from every char, surrogates included), which the
 * mapper reads and WireJson refuses ({@link WireJsonUnpairedSurrogateTest}). From bytes there is none: UTF-8 cannot
 * encode one ({@code getBytes} writes {@code ?}).
 */
class WireJsonPropertiesTest {
    private static final ObjectMapper MAPPER = Json.mapper();
    private static final WireJson WIRE = new WireJson();

    @Property(tries = 1000)
    void a_random_document_reads_and_writes_as_the_mapper_does(@ForAll("documents") String text) {
        assertEquals(expectedOfWire(text), byWire(text));
        assertEquals(byMapperFromBytes(text), byWireFromBytes(text));
    }

    @Property(tries = 500)
    void node_text_is_what_to_string_writes(@ForAll("documents") String text) throws Exception {
        Assume.that(!byMapper(text).equals("refused")); // a name twice
        JsonNode tree = MAPPER.readTree(text);

        assertEquals(tree.toString(), WireJson.nodeText(tree));
    }

    @Property(tries = 1000)
    void a_damaged_document_is_refused_or_read_as_the_mapper_does(@ForAll("damaged") String text) {
        assertEquals(expectedOfWire(text), byWire(text));
    }

    /** What the mapper makes of the text, but refused where a surrogate in it stands alone. */
    private static String expectedOfWire(String text) {
        return WellFormedText.unpairedSurrogate(text) >= 0 ? "refused" : byMapper(text);
    }

    @Provide
    Arbitrary<String> documents() {
        return value(5);
    }

    @Provide
    Arbitrary<String> damaged() {
        Arbitrary<String> damage = Arbitraries.of("", "{", "}", "[", "]", ",", ":", "\"", "\\", "0", "-", ".", "e",
                "1", " ", "null", "x", "\"k\":1", "\u0001");
        return Combinators.combine(value(4), Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 3),
                damage).as((text, at, cut, insert) -> {
                    int from = Math.min(at, text.length());
                    int to = Math.min(from + cut, text.length());
                    return text.substring(0, from) + insert + text.substring(to);
                });
    }

    private static Arbitrary<String> value(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(strings(), integers(), decimals(),
                Arbitraries.of("true", "false", "null"));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> inner = Arbitraries.lazy(() -> value(depth - 1));
        Arbitrary<String> array = inner.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]");
        Arbitrary<String> object = Combinators.combine(names(), inner).as((n, v) -> n + " : " + v).list().ofMaxSize(4)
                .map(l -> "{" + String.join(", ", l) + "}");
        return Arbitraries.frequencyOf(
                Tuple.of(3, scalar), Tuple.of(1, array), Tuple.of(2, object));
    }

    /** Few short names, so objects with a name twice (refused by both) come up too. */
    private static Arbitrary<String> names() {
        return Arbitraries.strings().withChars("abAé\"\\\n").ofMaxLength(3).map(WireJsonPropertiesTest::quoted);
    }

    private static Arbitrary<String> strings() {
        return Arbitraries.strings().all().ofMaxLength(12).map(WireJsonPropertiesTest::quoted);
    }

    private static Arbitrary<String> integers() {
        return Arbitraries.bigIntegers().between(new BigInteger("-99999999999999999999999"),
                new BigInteger("99999999999999999999999")).map(Object::toString);
    }

    /** Every form JSON allows: leading minus, fraction with trailing zeros, exponent with or without a sign. */
    private static Arbitrary<String> decimals() {
        Arbitrary<String> whole = Arbitraries.of("0", "1", "5", "12", "500", "9007199254740993");
        Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(8).map(f -> "." + f);
        Arbitrary<String> exponent = Combinators.combine(Arbitraries.of("e", "E"), Arbitraries.of("", "+", "-"),
                Arbitraries.integers().between(0, 40)).as((e, s, n) -> e + s + n);
        return Combinators.combine(Arbitraries.of("", "-"), whole, fraction.injectNull(0.2), exponent.injectNull(0.5))
                .as((sign, w, f, e) -> sign + w + (f == null ? "" : f) + (e == null ? "" : e))
                .filter(d -> d.contains(".") || d.contains("e") || d.contains("E"));
    }

    private static String quoted(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String byMapper(String text) {
        return outcome(() -> MAPPER.readTree(text), MAPPER::writeValueAsString);
    }

    private static String byMapperFromBytes(String text) {
        return outcome(() -> MAPPER.readTree(text.getBytes(StandardCharsets.UTF_8)), MAPPER::writeValueAsString);
    }

    private static String byWire(String text) {
        return outcome(() -> WIRE.readTree(text), WIRE::writeValueAsString);
    }

    private static String byWireFromBytes(String text) {
        return outcome(() -> WIRE.readTree(text.getBytes(StandardCharsets.UTF_8)), WIRE::writeValueAsString);
    }

    /** The tree's shape and its text written back, or "refused". */
    private static String outcome(Read read, Write write) {
        try {
            JsonNode tree = read.tree();
            return WireJsonTest.Shape.of(tree) + " -> " + write.text(tree);
        } catch (IOException | RuntimeException refused) { // the mapper throws some number faults bare
            return "refused";
        }
    }

    private interface Read {
        JsonNode tree() throws IOException;
    }

    private interface Write {
        String text(JsonNode tree) throws IOException;
    }
}
