package io.tally.sqs.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link WireJson} against the configuration it stands in for, {@link Json#mapper()}: the same trees (node types,
 * decimal scales) from the same text, the same text from the same tree, the same refusals. The random documents are
 * in {@link WireJsonPropertiesTest}.
 */
class WireJsonTest {
    private static final ObjectMapper MAPPER = Json.mapper();
    private static final WireJson WIRE = new WireJson();

    static Stream<String> accepted() {
        return Stream.of(
                "{}", "[]", "{\"a\":{}}", "[[],[[]],{}]", "  {\"a\" : [ 1 , 2 ] }\n",
                "{\"amount\":500.00}", "{\"amount\":5E+2}", "{\"amount\":5e2}", "{\"amount\":1.0e-3}", "{\"amount\":0.000}",
                "{\"amount\":-0.0}", "{\"amount\":-0}", "{\"amount\":1E400}", "{\"amount\":12345678901234567890.123456789}",
                "{\"i\":2147483647,\"j\":2147483648,\"k\":-2147483649,\"l\":9223372036854775807,\"m\":9223372036854775808}",
                "{\"big\":-123456789012345678901234567890}",
                "{\"t\":true,\"f\":false,\"n\":null}",
                "{\"s\":\"caf\\u00e9 \\\"quoted\\\" back\\\\slash \\/ tab\\t nl\\n ctl\\u0001 </script> \\ud83d\\ude00 €\"}",
                "{\"\":\"empty name\",\"x\":\"\"}",
                "{\"a\":1,\"A\":2}",
                "\"a bare string\"", "42", "4.20", "true", "null",
                "{\"nested\":{\"a\":{\"b\":[{\"c\":[1,2.50,{\"d\":null}]}]}}}",
                "[" + "[".repeat(30) + "]".repeat(30) + "]",
                "{\"long\":\"" + "x".repeat(64 * 1024) + "\"}",
                "{\"n\":" + "9".repeat(64) + "}",
                "{\"unicode\":\"\u00e9\u4e2d\ud83d\ude00\"}");
    }

    static Stream<String> refused() {
        return Stream.of(
                "{\"a\":1,\"a\":2}", "{\"x\":{\"a\":1,\"b\":2,\"a\":3}}", "[{\"k\":1,\"k\":1}]",
                "{} {}", "{}x", "1 2", "{}]", "[] []", "\"a\" \"b\"",
                "[".repeat(33) + "]".repeat(33), "{\"a\":" + "[".repeat(32) + "]".repeat(32) + "}",
                "{\"long\":\"" + "x".repeat(64 * 1024 + 1) + "\"}",
                "{\"n\":" + "9".repeat(65) + "}", "{\"n\":0." + "1".repeat(70) + "}",
                "{", "[1,]", "{\"a\":1,}", "{a:1}", "{'a':1}", "[01]", "[1.]", "[.5]", "[+1]", "[NaN]", "[Infinity]",
                "/* c */ {}", "{\"a\":tru}", "{\"a\":\"unterminated}", "{\"a\":\"ctl\u0001\"}", "[\"\\x\"]");
    }

    @ParameterizedTest
    @MethodSource("accepted")
    void accepted_text_reads_to_the_same_tree_and_writes_the_same_text(String text) throws Exception {
        JsonNode byMapper = MAPPER.readTree(text);
        JsonNode byWire = WIRE.readTree(text);
        JsonNode fromBytes = WIRE.readTree(text.getBytes(StandardCharsets.UTF_8));

        assertEquals(Shape.of(byMapper), Shape.of(byWire));
        assertEquals(Shape.of(MAPPER.readTree(text.getBytes(StandardCharsets.UTF_8))), Shape.of(fromBytes));
        assertEquals(MAPPER.writeValueAsString(byMapper), WIRE.writeValueAsString(byWire));
    }

    @ParameterizedTest
    @MethodSource("accepted")
    void node_text_is_what_to_string_writes(String text) throws Exception {
        JsonNode tree = MAPPER.readTree(text);

        assertEquals(tree.toString(), WireJson.nodeText(tree));
        tree.forEach(child -> assertEquals(child.toString(), WireJson.nodeText(child)));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void what_the_mapper_refuses_is_refused(String text) {
        assertThrows(JsonProcessingException.class, () -> MAPPER.readTree(text));
        assertThrows(JsonProcessingException.class, () -> WIRE.readTree(text));
        assertThrows(JsonProcessingException.class, () -> WIRE.readTree(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_number_out_of_range_is_refused_as_malformed_json_where_the_mapper_throws_it_bare() {
        String text = "{\"amount\":0.0e-2147483647}";

        assertThrows(NumberFormatException.class, () -> MAPPER.readTree(text));
        assertThrows(JsonProcessingException.class, () -> WIRE.readTree(text));
    }

    @Test
    void an_amount_keeps_its_scale_and_is_written_plain() throws Exception {
        ObjectNode read = (ObjectNode) WIRE.readTree("{\"amount\":500.00,\"tiny\":1E-2,\"large\":5E+2}");

        assertEquals(new BigDecimal("500.00"), read.get("amount").decimalValue());
        assertEquals("{\"amount\":500.00,\"tiny\":0.01,\"large\":500}", WIRE.writeValueAsString(read));
    }

    @Test
    void empty_content_reads_as_the_missing_node_as_the_mapper_does() throws Exception {
        for (String empty : List.of("", "   \n")) {
            assertTrue(MAPPER.readTree(empty).isMissingNode());
            assertTrue(WIRE.readTree(empty).isMissingNode());
            assertTrue(WIRE.readTree(empty.getBytes(StandardCharsets.UTF_8)).isMissingNode());
        }
    }

    @Test
    void a_tree_built_in_code_is_written_as_the_mapper_writes_it() throws Exception {
        ObjectNode tree = WIRE.createObjectNode();
        tree.put("success", true);
        tree.put("requestRef", "r-1");
        tree.put("amount", new BigDecimal("500.00"));
        tree.put("exp", new BigDecimal("5E+2"));
        tree.put("negativeScale", new BigDecimal(new BigInteger("125"), -3));
        tree.put("int", 7);
        tree.put("long", 1L << 40);
        tree.put("big", new BigInteger("123456789012345678901234567890"));
        tree.put("double", 0.1);
        tree.put("float", 2.5f);
        tree.put("short", (short) 3);
        tree.putNull("nothing");
        tree.put("text", "line\nbreak \"q\" \u2028 \u0000");
        tree.put("bytes", new byte[] {1, 2, 3});
        ArrayNode list = tree.putArray("list");
        list.add(1).add("two").add(WIRE.createObjectNode().put("three", 3)).add(WIRE.createArrayNode());
        tree.set("missing", tree.path("absent"));

        assertEquals(MAPPER.writeValueAsString(tree), WIRE.writeValueAsString(tree));
        assertEquals(tree.toString(), WireJson.nodeText(tree));
    }

    @Test
    void the_nodes_are_the_mapper_s_kind() throws Exception {
        assertEquals(MAPPER.createObjectNode().getClass(), WIRE.createObjectNode().getClass());
        assertEquals(MAPPER.createArrayNode().getClass(), WIRE.createArrayNode().getClass());
        assertEquals(MAPPER.readTree("{\"a\":[1]}"), WIRE.readTree("{\"a\":[1]}"));
    }

    /** A tree as text that names every node's class and every decimal's scale (equal trees print alike). */
    static final class Shape {
        private Shape() {
        }

        static String of(JsonNode node) {
            StringBuilder out = new StringBuilder();
            append(out, node);
            return out.toString();
        }

        private static void append(StringBuilder out, JsonNode node) {
            out.append(node.getClass().getSimpleName());
            if (node.isObject()) {
                out.append('{');
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    out.append('"').append(field.getKey()).append("\":");
                    append(out, field.getValue());
                    out.append(',');
                }
                out.append('}');
            } else if (node.isArray()) {
                out.append('[');
                node.forEach(element -> {
                    append(out, element);
                    out.append(',');
                });
                out.append(']');
            } else if (node.isBigDecimal()) {
                out.append('(').append(node.decimalValue().unscaledValue()).append(" scale ")
                        .append(node.decimalValue().scale()).append(')');
            } else {
                out.append('(').append(node.asText()).append(')');
            }
        }
    }
}
