package io.tally.sqs.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * JSON text made sendable ({@link SqsBody}): only characters SQS's documented rule allows ({@link SqsCharacters},
 * written apart), and every string, as name or value, read back by both readers as it was written, but for each
 * unpaired surrogate, read as U+FFFD.
 */
class SqsBodyTest {
    private static final WireJson WIRE = new WireJson();
    private static final ObjectMapper MAPPER = Json.mapper();

    @Test
    void noncharacters_become_escapes_unpaired_surrogates_the_replacement_character_and_nothing_else_changes() {
        String json = "{\"s\":\"a\uFFFFb\uFFFEc\uD800d\uDFFFe\uD83D\uDE00\u20ac\u0085\u007f\t\u0002\uD83D\"}";

        assertEquals("{\"s\":\"a\\uFFFFb\\uFFFEc\uFFFDd\uFFFDe\uD83D\uDE00\u20ac\u0085\u007f\t\\u0002\uFFFD\"}",
                SqsBody.of(json));
    }

    @Test
    void text_sqs_accepts_is_returned_as_it_is() {
        String json = "{\"name\":\"Zo\u00eb \u20ac \uD83D\uDE00 \u4e00 \uFFFD \uE000 \\u0001\"}";

        assertSame(json, SqsBody.of(json));
    }

    @Property(tries = 2000)
    void any_string_goes_through_sqs_and_reads_back_the_same_but_for_unpaired_surrogates(@ForAll("hostile") String text)
            throws Exception {
        ObjectNode written = WIRE.createObjectNode().put(text, text);
        written.putObject("nested").put("k" + text, text + text);
        String read = SqsCharacters.asRead(text);
        ObjectNode tree = WIRE.createObjectNode().put(read, read);
        // text + text may pair a trailing high surrogate with a leading low one
        tree.putObject("nested").put(SqsCharacters.asRead("k" + text), SqsCharacters.asRead(text + text));

        for (String body : new String[] {SqsBody.of(WIRE.writeValueAsString(written)), SqsBody.of(written.toString())}) {
            SqsCharacters.assertSqsAccepts(body);
            JsonNode wire = WIRE.readTree(body);
            JsonNode mapper = MAPPER.readTree(body);
            assertEquals(tree, wire);
            assertEquals(tree, mapper);
            assertEquals(SqsCharacters.asRead(text + text), wire.path("nested").path("k" + read).textValue());
        }
    }

    /** Strings of code units SQS refuses or JSON escapes, halves of pairs in any order, and ordinary text around them. */
    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<Character> units = Arbitraries.oneOf(
                Arbitraries.of('\uD83D', '\uDE00', '\uD800', '\uDBFF', '\uDC00', '\uDFFF'),
                Arbitraries.of('\uFFFE', '\uFFFF', '\uFFFD', '\uE000', '\uD7FF', '"', '\\'),
                Arbitraries.chars().range('\u0000', '\u00a0'),
                Arbitraries.chars());
        return units.list().ofMaxSize(24).map(SqsBodyTest::text);
    }

    private static String text(List<Character> units) {
        StringBuilder out = new StringBuilder(units.size());
        units.forEach(out::append);
        return out.toString();
    }
}
