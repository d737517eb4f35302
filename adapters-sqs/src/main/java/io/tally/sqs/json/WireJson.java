package io.tally.sqs.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The JSON seam of the request paths: JSON text to a tree of Jackson's nodes and back, with jackson-core's streaming
 * parser and generator alone. It keeps every rule of {@link Json#mapper()} (duplicate keys and trailing tokens refused,
 * nesting depth, string and number length limits, floats as exact decimals keeping their scale, decimals written
 * plain), and the tree API the methods build their answers with; but it never touches databind's
 * {@code ObjectMapper}, whose class init (a calendar, the CLDR locale data) is the largest cost of a cold start after
 * the SDK client (docs/PERFORMANCE.md, "The run after issue 16 (cold start)"). So nothing here may call
 * {@link JsonNode#toString()} either: it writes through databind's internal mapper.
 *
 * <p>One rule is its own: a string (value or field name) that holds an unpaired UTF-16 surrogate, which the mapper
 * reads as it is (from an escape such as <code>&#92;uD800</code>, or a raw one in a Java string), is refused with an
 * {@link UnpairedSurrogateException} naming where it stands. No UTF-8 store can hold such a string, so reading it
 * would let DynamoDB, SQS, an export or an e-mail keep something other than what was sent.
 *
 * <p>The method names are {@code ObjectMapper}'s, so the code that used one reads the same.
 */
public final class WireJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Json.MAX_NESTING)
                    .maxStringLength(Json.MAX_STRING_LENGTH).maxNumberLength(Json.MAX_NUMBER_LENGTH).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    /** Jackson's defaults, as {@link JsonNode#toString()} writes with them (decimals as {@code BigDecimal.toString}). */
    private static final JsonFactory NODE_TEXT = new JsonFactory();

    public ObjectNode createObjectNode() {
        return NODES.objectNode();
    }

    public ArrayNode createArrayNode() {
        return NODES.arrayNode();
    }

    /** One JSON value and nothing after it; empty content reads as the missing node, as {@code ObjectMapper}'s does. */
    public JsonNode readTree(String content) throws JsonProcessingException {
        return parsed(() -> FACTORY.createParser(content));
    }

    /** As {@link #readTree(String)}, from UTF-8 (or any encoding JSON allows, detected as Jackson does). */
    public JsonNode readTree(byte[] content) throws JsonProcessingException {
        return parsed(() -> FACTORY.createParser(content));
    }

    /** Compact, fields in insertion order, decimals plain with their scale. */
    public String writeValueAsString(JsonNode tree) throws JsonProcessingException {
        return written(FACTORY, tree);
    }

    /**
     * Exactly what {@link JsonNode#toString()} returns (compact, decimals in {@code BigDecimal.toString()} form, so
     * {@code 5E+2} stays {@code 5E+2}), without the databind mapper that method starts: for text that must stay
     * byte-identical to what earlier versions stored, such as request fingerprints.
     */
    public static String nodeText(JsonNode tree) {
        try {
            return written(NODE_TEXT, tree);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a JSON tree", e);
        }
    }

    private static String written(JsonFactory factory, JsonNode tree) throws JsonProcessingException {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator g = factory.createGenerator(out)) {
            write(g, tree);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private interface Source {
        JsonParser open() throws IOException;
    }

    private static JsonNode parsed(Source source) throws JsonProcessingException {
        try (JsonParser p = source.open()) {
            return readWhole(p);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) { // none from text in memory
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readWhole(JsonParser p) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            return NODES.missingNode();
        }
        JsonNode tree;
        try {
            tree = read(p, first);
        } catch (NumberFormatException outOfRange) { // e.g. 1e-2147483648: the mapper throws it bare
            throw new JsonParseException(p, "Number out of range: " + outOfRange.getMessage(), outOfRange);
        }
        JsonToken after = p.nextToken();
        if (after != null) {
            throw new JsonParseException(p, "Trailing token (of type " + after + ") found after the value");
        }
        return tree;
    }

    private static JsonNode read(JsonParser p, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> readObject(p);
            case START_ARRAY -> readArray(p);
            case VALUE_STRING -> NODES.textNode(wellFormed(p, p.getText(), "a string"));
            case VALUE_NUMBER_INT -> readInteger(p);
            // as USE_BIG_DECIMAL_FOR_FLOATS without stripping zeros: 500.00 keeps its scale
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new JsonParseException(p, "Unexpected token " + token);
        };
    }

    private static ObjectNode readObject(JsonParser p) throws IOException {
        ObjectNode object = NODES.objectNode();
        for (String name = fieldName(p); name != null; name = fieldName(p)) {
            object.set(name, read(p, p.nextToken())); // duplicates: the parser refuses them (strict detection)
        }
        return object;
    }

    /** The next field name of the object being read, or null at its end. */
    private static String fieldName(JsonParser p) throws IOException {
        String name;
        try {
            name = p.nextFieldName();
        } catch (JsonParseException e) {
            // an escaped one: jackson-core refuses it itself ("Broken surrogate pair in field name", "Unexpected low
            // surrogate in field name"), before the name exists; the object it stands in is what can be named
            String message = e.getOriginalMessage();
            if (message != null && message.contains("surrogate")) {
                throw new UnpairedSurrogateException(p, "a field name holds an unpaired surrogate in the object at "
                        + where(p.getParsingContext().getParent().pathAsPointer().toString()), e);
            }
            throw e;
        }
        return name == null ? null : wellFormed(p, name, "a field name");
    }

    /** {@code text} itself, or refused if a surrogate in it stands alone. */
    private static String wellFormed(JsonParser p, String text, String what) throws UnpairedSurrogateException {
        int at = WellFormedText.unpairedSurrogate(text);
        if (at < 0) {
            return text;
        }
        throw new UnpairedSurrogateException(p, what + " holds an unpaired surrogate ("
                + WellFormedText.escape(text.charAt(at)) + ") at " + where(p.getParsingContext().pathAsPointer().toString()),
                null);
    }

    /** A JSON Pointer for a message: its unpaired surrogates escaped, long ones cut. */
    private static String where(String pointer) {
        return pointer.isEmpty() ? "the top level" : WellFormedText.shown(pointer, 200);
    }

    private static ArrayNode readArray(JsonParser p) throws IOException {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            array.add(read(p, t));
        }
        return array;
    }

    private static JsonNode readInteger(JsonParser p) throws IOException {
        return switch (p.getNumberType()) {
            case INT -> NODES.numberNode(p.getIntValue());
            case LONG -> NODES.numberNode(p.getLongValue());
            default -> NODES.numberNode(p.getBigIntegerValue());
        };
    }

    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    g.writeFieldName(field.getKey());
                    write(g, field.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode element : node) {
                    write(g, element);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case NUMBER -> writeNumber(g, node);
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NULL, MISSING -> g.writeNull();
            case BINARY -> g.writeBinary(node.binaryValue());
            default -> throw new IllegalArgumentException("not a JSON tree node: " + node.getNodeType()
                    + " (a POJO node needs databind)");
        }
    }

    private static void writeNumber(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.numberType()) {
            case INT -> g.writeNumber(node.intValue());
            case LONG -> g.writeNumber(node.longValue());
            case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
            case BIG_DECIMAL -> g.writeNumber(node.decimalValue());
            case FLOAT -> g.writeNumber(node.floatValue());
            default -> g.writeNumber(node.doubleValue());
        }
    }
}
