package io.tally.local.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;

/**
 * docs/openapi.yaml, read for the contract tests: its operations and examples as a tree, and a JSON Schema 2020-12
 * validator (networknt, OpenAPI 3.1 dialect) for any schema in it, {@code $ref}s resolved inside the document.
 */
public final class OpenApiDocument {
    /** The error code of a fault (docs/API.md): an answer, never an expected one. */
    public static final int FAULT = 30;
    /** Codes any call may get, whatever its method: credentials, the rate limit, a fault, a malformed body. */
    public static final Set<Integer> ANY_CALL = Set.of(1, 2, 3, 4, 5, 7, 8, 28, 29, FAULT);
    private static final String DOCUMENT_IRI = "https://tally.invalid/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String text;
    private final JsonNode root;
    private final SchemaRegistry schemas;

    private OpenApiDocument(String text) {
        this.text = text;
        try {
            this.root = new YAMLMapper().readTree(text);
            String asJson = JSON.writeValueAsString(root);
            this.schemas = SchemaRegistry.withDialect(Dialects.getOpenApi31(), b -> b.schemas(Map.of(DOCUMENT_IRI, asJson)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static OpenApiDocument read(Path file) {
        try {
            return new OpenApiDocument(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String text() {
        return text;
    }

    public JsonNode root() {
        return root;
    }

    /** The merchant methods' operations (POST), in document order: {@code /name} and its operation. */
    public List<Map.Entry<String, JsonNode>> methodOperations() {
        List<Map.Entry<String, JsonNode>> ops = new ArrayList<>();
        root.get("paths").properties().forEach(p -> {
            if (p.getValue().has("post")) {
                ops.add(Map.entry(p.getKey().substring(1), p.getValue().get("post")));
            }
        });
        return ops;
    }

    /** The operation's request body schema's location. */
    public static String requestSchemaPointer(String method) {
        return "/paths/" + escape("/" + method) + "/post/requestBody/content/application~1json/schema";
    }

    /** The schema of the operation's answer with this status (or of its {@code default} answer). */
    public String responseSchemaPointer(String method, int status) {
        JsonNode responses = root.at("/paths/" + escape("/" + method) + "/post/responses");
        String key = responses.has(Integer.toString(status)) ? Integer.toString(status) : "default";
        JsonNode response = responses.get(key);
        if (response == null) {
            throw new AssertionError(method + " documents no answer with status " + status);
        }
        if (response.has("$ref")) {
            return response.get("$ref").asText().substring(1) + "/content/application~1json/schema";
        }
        return "/paths/" + escape("/" + method) + "/post/responses/" + key + "/content/application~1json/schema";
    }

    /** The errors of {@code value} against the schema at {@code pointer} (a JSON pointer into the document); empty if valid. */
    public List<String> validate(String pointer, JsonNode value) {
        Schema schema = schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + pointer));
        try {
            List<Error> errors = schema.validate(JSON.writeValueAsString(value), InputFormat.JSON);
            return errors.stream().map(Error::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A named example of an answer with this status, if the document has one. */
    public Optional<JsonNode> responseExample(String method, String status, String name) {
        JsonNode example = root.at("/paths/" + escape("/" + method) + "/post/responses/" + status
                + "/content/application~1json/examples/" + escape(name) + "/value");
        return example.isMissingNode() ? Optional.empty() : Optional.of(example);
    }

    public static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }
}
