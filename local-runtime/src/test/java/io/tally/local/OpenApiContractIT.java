package io.tally.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.tally.lambda.http.ApiError;
import io.tally.lambda.topology.Routes;
import io.tally.local.contract.ApiMdExamples;
import io.tally.local.contract.ExampleAliases;
import io.tally.local.contract.OpenApiDocument;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi.yaml cannot drift from the code: every request example in it goes through the real handler on the local
 * stack (demo seed), in document order, and must succeed; request and answer are validated against the document's
 * schemas (answers allow no undocumented field); every method the API
 * dispatches has an operation and every operation a method; every ApiError is in the document's error table; every
 * call shown in docs/API.md is one of the document's examples; the stack serves the document itself.
 */
class OpenApiContractIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static LocalTally tally;
    private static OpenApiDocument document;

    @BeforeAll
    static void start() throws Exception {
        tally = MerchantSliceIT.startWithDemoSeed("openapi-it");
        document = OpenApiDocument.read(MerchantSliceIT.repoRoot().resolve("docs/openapi.yaml"));
    }

    @AfterAll
    static void stop() {
        if (tally != null) {
            tally.close();
        }
    }

    @Test
    void the_document_is_a_valid_openapi_3_1_document() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document.text(), null, options);
        assertEquals(List.of(), parsed.getMessages());
        assertEquals("3.1.0", parsed.getOpenAPI().getOpenapi());
        assertEquals(List.of("{base}/merchant", "{base}"),
                parsed.getOpenAPI().getServers().stream().map(s -> s.getUrl()).toList(), "both route forms are servers");
    }

    @Test
    void every_example_request_and_its_answer_follow_the_document() throws Exception {
        MerchantClient demo = MerchantClient.demo(tally);
        ExampleAliases aliases = new ExampleAliases();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Map.Entry<String, JsonNode> op : document.methodOperations()) {
            String method = op.getKey();
            Set<Integer> allowed = new HashSet<>(OpenApiDocument.ANY_CALL);
            op.getValue().path("x-error-codes").forEach(c -> allowed.add(c.asInt()));
            JsonNode examples = op.getValue().at("/requestBody/content/application~1json/examples");
            assertFalse(examples.isEmpty(), method + " has no request example");
            for (Map.Entry<String, JsonNode> example : examples.properties()) {
                String where = method + " example '" + example.getKey() + "'";
                JsonNode request = JSON.readTree(aliases.apply(JSON.writeValueAsString(example.getValue().get("value"))));
                document.validate(OpenApiDocument.requestSchemaPointer(method), request)
                        .forEach(e -> failures.add(where + ", request: " + e));
                MerchantClient client = demo;
                for (Map.Entry<String, JsonNode> header : example.getValue().path("x-headers").properties()) {
                    client = client.with(header.getKey(), header.getValue().asText());
                }
                HttpResponse<String> response = client.send(method, JSON.writeValueAsString(request));
                sent++;
                JsonNode answer = MerchantClient.parse(response);
                document.validate(document.responseSchemaPointer(method, response.statusCode()), answer)
                        .forEach(e -> failures.add(where + ", answer " + response.statusCode() + ": " + e));
                if (response.statusCode() != 200) {
                    // every example shows a call that works on the demo: a refusal means the code or the example moved
                    failures.add(where + " answered " + response.statusCode() + ": " + answer);
                }
                if (!answer.path("success").asBoolean() && !allowed.contains(answer.path("errorCode").asInt())) {
                    failures.add(where + " answered code " + answer.path("errorCode") + ", not in its x-error-codes");
                }
                document.responseExample(method, "200", example.getKey()).ifPresent(d -> aliases.learn(d, answer));
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(sent >= ApiMdExamples.in(readApiMd()).size());
    }

    @Test
    void every_documented_example_answer_follows_its_schema() {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, JsonNode> op : document.methodOperations()) {
            String method = op.getKey();
            op.getValue().path("responses").properties().forEach(r -> {
                if (r.getKey().equals("default")) {
                    return;
                }
                r.getValue().at("/content/application~1json/examples").properties().forEach(ex ->
                        document.validate(document.responseSchemaPointer(method, Integer.parseInt(r.getKey())), ex.getValue().get("value"))
                                .forEach(e -> failures.add(method + " " + r.getKey() + " example '" + ex.getKey() + "': " + e)));
            });
        }
        document.root().at("/components/responses/Error/content/application~1json/examples").properties().forEach(ex ->
                document.validate("/components/schemas/Error", ex.getValue().get("value"))
                        .forEach(e -> failures.add("error example '" + ex.getKey() + "': " + e)));
        assertEquals(List.of(), failures);
    }

    @Test
    void every_method_of_the_api_has_an_operation_and_every_operation_a_method() {
        Set<String> operations = document.methodOperations().stream().map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(tally.component().merchantApi().methodNames(), operations);
        document.methodOperations().forEach(op -> assertEquals(op.getKey(), op.getValue().get("operationId").asText()));
    }

    @Test
    void every_error_code_is_in_the_document_with_its_status_and_message() {
        Map<Integer, String> documented = new TreeMap<>();
        document.root().at("/components/schemas/ErrorCode/oneOf").forEach(c -> documented.put(c.get("const").asInt(),
                c.get("title").asText() + " " + c.get("x-http-status").asInt() + " " + c.get("description").asText()));
        Map<Integer, String> code = new TreeMap<>();
        for (ApiError e : ApiError.values()) {
            code.put(e.code(), e.name() + " " + e.httpStatus() + " " + e.message());
        }
        assertEquals(code, documented);
        Set<Integer> known = code.keySet();
        document.methodOperations().forEach(op -> op.getValue().path("x-error-codes")
                .forEach(c -> assertTrue(known.contains(c.asInt()), op.getKey() + " lists unknown code " + c)));
    }

    @Test
    void every_call_shown_in_api_md_is_an_example_of_the_document() throws Exception {
        List<ApiMdExamples.Call> calls = ApiMdExamples.in(readApiMd());
        assertTrue(calls.size() >= 15, "docs/API.md's curl examples are read: " + calls.size());
        List<String> missing = new ArrayList<>();
        for (ApiMdExamples.Call call : calls) {
            JsonNode examples = document.root().at("/paths/" + OpenApiDocument.escape("/" + call.method())
                    + "/post/requestBody/content/application~1json/examples");
            boolean found = false;
            for (JsonNode example : examples) {
                String header = example.path("x-headers").path("customRequestId").asText(null);
                found |= example.get("value").equals(call.body()) && call.customRequestId().orElse("").equals(header == null ? "" : header);
            }
            if (!found) {
                missing.add(call.method() + " " + call.body() + call.customRequestId().map(id -> " (customRequestId " + id + ")").orElse(""));
            }
        }
        assertEquals(List.of(), missing, "docs/API.md shows calls that docs/openapi.yaml does not have as examples");
    }

    @Test
    void the_stack_serves_the_document_at_merchant_openapi_yaml() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(tally.endpoints().baseUrl() + Routes.OPENAPI_PATH))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals(document.text(), response.body(), "the served copy is docs/openapi.yaml as built");
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/yaml"));
    }

    @Test
    void a_path_or_http_method_that_no_route_serves_is_404_in_the_envelope() throws Exception {
        List<HttpRequest> unknown = List.of(
                request("GET", "/"), request("GET", "/nowhere"), request("POST", "/merchant/a/b"),
                request("GET", "/merchant/listValueType"), request("DELETE", "/listValueType"), request("OPTIONS", "/a/b/c"));
        for (HttpRequest r : unknown) {
            HttpResponse<String> response = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
            String where = r.method() + " " + r.uri().getRawPath();
            assertEquals(404, response.statusCode(), where);
            JsonNode body = JSON.readTree(response.body());
            assertEquals(List.of(), document.validate("/components/schemas/Error", body), where);
            assertEquals(28, body.get("errorCode").asInt(), where);
            assertTrue(body.get("errorMessage").asText().startsWith("No route for " + where + "."), body.toString());
            assertEquals("*", response.headers().firstValue("access-control-allow-origin").orElse(""));
        }
        HttpResponse<String> portal = HTTP.send(request("GET", "/portal/DEMO"), HttpResponse.BodyHandlers.ofString());
        assertFalse(portal.body().contains("\"errorCode\""), "a route's own answer is not replaced: " + portal.body());
    }

    private static HttpRequest request(String method, String path) {
        return HttpRequest.newBuilder(URI.create(tally.endpoints().baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build();
    }

    private static String readApiMd() throws Exception {
        return Files.readString(MerchantSliceIT.repoRoot().resolve("docs/API.md"));
    }
}
