package io.tally.sqs.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Text that is not well-formed Unicode: a string (value or field name) holding an unpaired UTF-16 surrogate, which no
 * UTF-8 store (DynamoDB, SQS, S3, e-mail) can hold. {@link Json#mapper()} reads it as it is (jackson-core refuses only
 * an escaped one in a field name); {@link WireJson} refuses it, naming where it stands, however it came (an escape, a
 * raw character, or bytes that encode a surrogate).
 */
class WireJsonUnpairedSurrogateTest {
    private static final WireJson WIRE = new WireJson();

    /** JSON text with escapes (ASCII only), what is unpaired, and where: in a value. */
    static Stream<Arguments> inAValue() {
        return Stream.of(
                Arguments.of("{\"sku\":\"A\\ud800B\"}", "a string", "\\uD800", "/sku"),
                Arguments.of("{\"sku\":\"A\\udc00B\"}", "a string", "\\uDC00", "/sku"),
                Arguments.of("{\"sku\":\"\\udc00\\ud800\"}", "a string", "\\uDC00", "/sku"),
                Arguments.of("{\"sku\":\"AB\\ud800\"}", "a string", "\\uD800", "/sku"),
                Arguments.of("{\"sku\":\"\\ud83d\\ude00\\ud83d\"}", "a string", "\\uD83D", "/sku"),
                Arguments.of("{\"note\":\"ok\",\"items\":[{\"sku\":\"x\"},{\"sku\":\"y\\udfff\"}]}", "a string",
                        "\\uDFFF", "/items/1/sku"),
                Arguments.of("[[{\"a\":[\"ok\",\"\\ud800\"]}]]", "a string", "\\uD800", "/0/0/a/1"),
                Arguments.of("\"\\ud800\"", "a string", "\\uD800", "the top level"));
    }

    /** The same, in a field name. */
    static Stream<Arguments> inAFieldName() {
        return Stream.of(
                Arguments.of("{\"\\ud800\":1}", "a field name", "\\uD800", "/\\uD800"),
                Arguments.of("{\"a\":{\"sku\\udc00\":\"x\"}}", "a field name", "\\uDC00", "/a/sku\\uDC00"),
                Arguments.of("{\"items\":[{\"ok\":1},{\"k\\udbff\":2}]}", "a field name", "\\uDBFF", "/items/1/k\\uDBFF"),
                Arguments.of("{\"a/b\":{\"\\udc00\\ud800\":true}}", "a field name", "\\uDC00", "/a~1b/\\uDC00\\uD800"));
    }

    /** Escaped in a field name, jackson-core refuses it before the name exists: the object that holds it is named. */
    static Stream<Arguments> escapedInAFieldName() {
        return Stream.of(
                Arguments.of("{\"\\ud800\":1}", "the top level"),
                Arguments.of("{\"a\":{\"sku\\udc00\":\"x\"}}", "/a"),
                Arguments.of("{\"items\":[{\"ok\":1},{\"k\\udbff\":2}]}", "/items/1"),
                Arguments.of("{\"a/b\":{\"x\":1,\"\\udc00\\ud800\":true}}", "/a~1b"));
    }

    static Stream<Arguments> anywhere() {
        return Stream.concat(inAValue(), inAFieldName());
    }

    @ParameterizedTest
    @MethodSource("inAValue")
    void an_escaped_unpaired_surrogate_is_refused_naming_where_it_stands(String text, String what, String unit,
                                                                          String where) {
        String expected = what + " holds an unpaired surrogate (" + unit + ") at " + where;

        assertRefused(expected, () -> WIRE.readTree(text));
        assertRefused(expected, () -> WIRE.readTree(text.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @MethodSource("escapedInAFieldName")
    void an_escaped_unpaired_surrogate_in_a_field_name_is_refused_naming_its_object(String text, String where) {
        String expected = "a field name holds an unpaired surrogate in the object at " + where;

        assertRefused(expected, () -> WIRE.readTree(text));
        assertRefused(expected, () -> WIRE.readTree(text.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @MethodSource("anywhere")
    void a_raw_unpaired_surrogate_is_refused_naming_where_it_stands(String text, String what, String unit, String where) {
        String raw = unescapedSurrogates(text);

        assertRefused(what + " holds an unpaired surrogate (" + unit + ") at " + where, () -> WIRE.readTree(raw));
    }

    @Test
    void bytes_that_encode_a_surrogate_are_refused() {
        // ED A0 80 is U+D800 "encoded" as UTF-8 (CESU-8 style): no well-formed UTF-8 holds it
        byte[] body = {'{', '"', 's', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};

        assertThrows(JsonProcessingException.class, () -> WIRE.readTree(body));
    }

    @Test
    void the_mapper_reads_what_the_wire_refuses() throws Exception {
        ObjectMapper mapper = Json.mapper();

        assertEquals("A\uD800B", mapper.readTree("{\"sku\":\"A\\ud800B\"}").get("sku").textValue());
        assertThrows(JsonProcessingException.class, () -> WIRE.readTree("{\"sku\":\"A\\ud800B\"}"));
    }

    static Stream<Arguments> wellFormed() {
        return Stream.of(
                Arguments.of("{\"sku\":\"\\ud83d\\ude00\"}", "\uD83D\uDE00"),
                Arguments.of("{\"sku\":\"\uD83D\uDE00\"}", "\uD83D\uDE00"),
                Arguments.of("{\"sku\":\"a\\uDBFF\\uDFFFz\"}", "a\uDBFF\uDFFFz"),
                Arguments.of("{\"sku\":\"\\uffff\"}", "\uFFFF"),
                Arguments.of("{\"sku\":\"\uFFFE\uFFFD\uD7FF\uE000\"}", "\uFFFE\uFFFD\uD7FF\uE000"));
    }

    @ParameterizedTest
    @MethodSource("wellFormed")
    void a_surrogate_pair_and_every_other_character_read_unchanged(String text, String sku) throws Exception {
        ObjectMapper mapper = Json.mapper();
        JsonNode fromText = WIRE.readTree(text);
        JsonNode fromBytes = WIRE.readTree(text.getBytes(StandardCharsets.UTF_8));

        assertEquals(sku, fromText.get("sku").textValue());
        assertEquals(sku, fromBytes.get("sku").textValue());
        assertEquals(mapper.readTree(text), fromText);
        assertEquals(mapper.writeValueAsString(mapper.readTree(text)), WIRE.writeValueAsString(fromText));
    }

    @Test
    void a_surrogate_pair_in_a_field_name_reads_unchanged() throws Exception {
        JsonNode tree = WIRE.readTree("{\"\\ud83d\\ude00\":{\"x\\uD83D\\uDE00y\":1}}");

        assertEquals(1, tree.get("\uD83D\uDE00").get("x\uD83D\uDE00y").intValue());
    }

    private interface Read {
        JsonNode tree() throws Exception;
    }

    private static void assertRefused(String expected, Read read) {
        var refused = assertThrows(JsonProcessingException.class, read::tree);
        assertInstanceOf(UnpairedSurrogateException.class, refused);
        assertEquals(expected, refused.getOriginalMessage());
    }

    /** {@code text} with each {@code \\uD8xx..\\uDFxx} escape replaced by the character itself. */
    private static String unescapedSurrogates(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            if (text.startsWith("\\u", i) && i + 6 <= text.length()
                    && Character.isSurrogate((char) Integer.parseInt(text.substring(i + 2, i + 6), 16))) {
                out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }
}
