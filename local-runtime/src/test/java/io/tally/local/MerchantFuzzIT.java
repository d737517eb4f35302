package io.tally.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.dynamo.dynalite.LocalDynamo;
import io.tally.local.contract.ExampleAliases;
import io.tally.local.contract.OpenApiDocument;
import io.tally.local.contract.RequestMutator;
import io.tally.local.contract.RequestMutator.Kind;
import io.tally.local.contract.RequestMutator.Mutant;
import io.tally.local.contract.TableState;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Bad input gets a clear error and loses nothing: every request example of docs/openapi.yaml, in document order on the
 * demo seed, is first sent as mutated requests (fields dropped, nulled, of the wrong type, odd numbers, long strings,
 * control characters, unpaired surrogates, duplicate and unknown fields, deep nesting, bodies that are no JSON object,
 * invalid UTF-8, other and unknown cards, wrong or missing headers; {@link RequestMutator}) and then as itself. Every
 * answer must be JSON in the document's shape: a success, or the error envelope with a code of the error table, the
 * table's HTTP status and one of the method's codes; never code 30 (a fault). A refused request must leave the table
 * as it was ({@link TableState}, one Scan before and after each request), a read must write nothing, and a write that
 * succeeded with a customRequestId, sent again, must answer the same bytes and write nothing more.
 * The run is drawn from a seed: {@code -Dtally.fuzz.seed=} replays one, {@code -Dtally.fuzz.perExample=} sets the
 * number of mutations per example.
 */
class MerchantFuzzIT {
    private static final long DEFAULT_SEED = 20_261_202L;
    private static final int DEFAULT_PER_EXAMPLE = 20;
    /** ApiError.INTERNAL: a fault, never a right answer to bad input. */
    /** The methods that take a customRequestId (docs/API.md, "Idempotent retries"). */
    private static final Set<String> IDEMPOTENT = Set.of("updateBalance", "voidTransaction", "allocate", "updateAccount",
            "allocateCoupon", "updateCoupon", "checkout", "recordEvent");
    /** The methods whose claim of a customRequestId a repeat takes over (docs/API.md; {@code Replays}). */
    private static final Set<String> LEDGER_METHODS = Set.of("updateBalance", "voidTransaction");
    private static final Set<String> READS = Set.of("listValueType", "search", "cardHistory", "checkoutDryRun",
            "checkoutLookup", "couponLookup", "listCoupons");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalTally tally;
    private static OpenApiDocument document;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void start() throws Exception {
        tally = MerchantSliceIT.startWithDemoSeed("fuzz-it");
        document = OpenApiDocument.read(MerchantSliceIT.repoRoot().resolve("docs/openapi.yaml"));
        dynamo = LocalDynamo.client(tally.endpoints().dynamoEndpoint());
    }

    @AfterAll
    static void stop() {
        if (dynamo != null) {
            dynamo.close();
        }
        if (tally != null) {
            tally.close();
        }
    }

    @Test
    void bad_requests_get_a_documented_error_and_change_nothing() throws Exception {
        long seed = Long.getLong("tally.fuzz.seed", DEFAULT_SEED);
        int perExample = Integer.getInteger("tally.fuzz.perExample", DEFAULT_PER_EXAMPLE);
        System.out.println("MerchantFuzzIT seed " + seed + " (replay: -Dtally.fuzz.seed=" + seed + "), " + perExample
                + " mutations per example");
        Run run = new Run(seed);
        long started = System.nanoTime();
        for (Map.Entry<String, JsonNode> op : document.methodOperations()) {
            String method = op.getKey();
            Set<Integer> allowed = new HashSet<>(OpenApiDocument.ANY_CALL);
            allowed.remove(OpenApiDocument.FAULT); // a fault is never an answer the fuzz accepts
            op.getValue().path("x-error-codes").forEach(c -> allowed.add(c.asInt()));
            JsonNode examples = op.getValue().at("/requestBody/content/application~1json/examples");
            for (Map.Entry<String, JsonNode> example : examples.properties()) {
                run.example(method, example.getKey(), example.getValue(), allowed, perExample);
            }
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        System.out.println("MerchantFuzzIT: " + run.sent + " requests in " + ms + " ms (" + run.refused + " refused, "
                + run.succeeded + " succeeded, " + run.replays + " replays; " + run.scanNanos / 1_000_000 + " ms of it scanning " + run.state.size() + " items, " + run.sendNanos / 1_000_000 + " ms waiting for "
                + "answers), by kind " + run.byKind + ", codes " + run.codes);
        List<String> failures = run.failures;
        assertEquals("", failures.isEmpty() ? "" : failures.size() + " failures (seed " + seed + "):\n"
                + String.join("\n\n", failures.subList(0, Math.min(40, failures.size()))));
        assertTrue(run.sent >= 500, "the run sent " + run.sent);
    }

    /** One run: the state it learns (aliases, live cards, ids used) and what it found. */
    private static final class Run {
        private final long seed;
        private final Random random;
        private final RequestMutator mutator;
        private final ExampleAliases aliases = new ExampleAliases();
        private final List<String> cards = new ArrayList<>();
        private final List<String> requestIds = new ArrayList<>();
        private final MerchantClient demo = MerchantClient.demo(tally);
        private final Map<Kind, Integer> byKind = new EnumMap<>(Kind.class);
        private final Map<Integer, Integer> codes = new TreeMap<>();
        private final List<String> failures = new ArrayList<>();
        private TableState state;
        private int sent;
        private int refused;
        private int succeeded;
        private int replays;
        private int fresh;
        private long scanNanos;
        private long sendNanos;

        Run(long seed) {
            this.seed = seed;
            this.random = new Random(seed);
            this.mutator = new RequestMutator(random, RequestMutator.knownValues(document.root()));
            this.state = snapshot();
        }

        void example(String method, String name, JsonNode example, Set<Integer> allowed, int perExample) throws IOException {
            ObjectNode request = (ObjectNode) JSON.readTree(aliases.apply(JSON.writeValueAsString(example.get("value"))));
            Map<String, String> headers = new LinkedHashMap<>();
            example.path("x-headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
            Kind[] kinds = Kind.values();
            for (int i = 0; i < perExample; i++) {
                Kind kind = kinds[random.nextInt(kinds.length)];
                Mutant mutant = mutator.mutate(kind, request, cards, requestIds);
                Map<String, String> sentHeaders = new LinkedHashMap<>(headers);
                if (IDEMPOTENT.contains(method)) {
                    // a fresh id: a mutant that succeeds can be replayed, and the example's own id stays unclaimed
                    sentHeaders.put("customRequestId", "fuzz-" + seed + "-" + (++fresh));
                }
                sentHeaders.putAll(mutant.headers());
                byKind.merge(kind, 1, Integer::sum);
                check(method, name + " / " + kind + " " + mutant.description(), mutant.body(), sentHeaders, allowed);
            }
            HttpResponse<String> original = check(method, name + " (the example itself)",
                    JSON.writeValueAsBytes(request), headers, allowed);
            if (original != null) {
                JsonNode answer = JSON.readTree(original.body());
                if (answer.path("success").asBoolean()) {
                    document.responseExample(method, "200", name).ifPresent(d -> aliases.learn(d, answer));
                    if (answer.hasNonNull("cardNumber") && !cards.contains(answer.get("cardNumber").asText())) {
                        cards.add(answer.get("cardNumber").asText());
                    }
                }
            }
            if (headers.containsKey("customRequestId")) {
                requestIds.add(headers.get("customRequestId"));
            }
        }

        /** Sends the request and checks its answer and what it wrote; the response, or null if it could not be sent. */
        private HttpResponse<String> check(String method, String what, byte[] body, Map<String, String> headers,
                                           Set<Integer> allowed) {
            String where = method + " " + what + "\n  request: " + abbreviate(new String(body, StandardCharsets.UTF_8))
                    + (headers.isEmpty() ? "" : "\n  headers: " + abbreviate(headers.toString()));
            HttpResponse<String> response;
            long t = System.nanoTime();
            try {
                response = client(headers).send(method, body);
                sendNanos += System.nanoTime() - t;
            } catch (IllegalArgumentException notSendable) {
                return null; // a header value the HTTP client refuses to send (no server could receive it either)
            }
            sent++;
            TableState before = state;
            state = snapshot();
            List<String> changes = state.changesSince(before);
            JsonNode answer;
            try {
                answer = JSON.readTree(response.body());
            } catch (IOException e) {
                failures.add(where + "\n  answer " + response.statusCode() + " is not JSON: " + abbreviate(response.body()));
                return response;
            }
            if (answer == null || !answer.isObject()) {
                failures.add(where + "\n  answer " + response.statusCode() + " is not a JSON object: " + abbreviate(response.body()));
                return response;
            }
            if (answer.path("success").asBoolean(false)) {
                succeeded++;
                succeeded(method, where, response, answer, body, headers, changes);
            } else {
                refused++;
                refusedWith(method, where, response, answer, allowed, changes);
            }
            return response;
        }

        private void succeeded(String method, String where, HttpResponse<String> response, JsonNode answer, byte[] body,
                               Map<String, String> headers, List<String> changes) {
            if (response.statusCode() != 200) {
                failures.add(where + "\n  success with status " + response.statusCode());
            }
            document.validate(document.responseSchemaPointer(method, 200), answer)
                    .forEach(e -> failures.add(where + "\n  success answer off the document: " + e + "\n  answer: " + abbreviate(answer.toString())));
            if (READS.contains(method) && !changes.isEmpty()) {
                failures.add(where + "\n  a read wrote: " + changes);
            }
            String requestId = headers.get("customRequestId");
            if (IDEMPOTENT.contains(method) && requestId != null && !requestId.isEmpty()) {
                replay(method, where, response, body, headers);
            }
        }

        /** The same request with the same customRequestId: the same bytes back, nothing written. */
        private void replay(String method, String where, HttpResponse<String> first, byte[] body,
                            Map<String, String> headers) {
            HttpResponse<String> again = client(headers).send(method, body);
            replays++;
            sent++;
            TableState before = state;
            state = snapshot();
            List<String> changes = state.changesSince(before, LEDGER_METHODS.contains(method) ? headers.get("customRequestId") : null);
            if (!again.body().equals(first.body()) || again.statusCode() != first.statusCode()) {
                failures.add(where + "\n  the replay answered " + again.statusCode() + " " + abbreviate(again.body())
                        + "\n  the first answer was " + first.statusCode() + " " + abbreviate(first.body()));
            }
            if (!changes.isEmpty()) {
                failures.add(where + "\n  the replay wrote: " + changes);
            }
        }

        private void refusedWith(String method, String where, HttpResponse<String> response, JsonNode answer,
                                 Set<Integer> allowed, List<String> changes) {
            int code = answer.path("errorCode").asInt(-1);
            codes.merge(code, 1, Integer::sum);
            JsonNode documented = errorCode(code);
            if (documented == null) {
                failures.add(where + "\n  answer " + response.statusCode() + " is not the error envelope with a documented code: "
                        + abbreviate(response.body()));
                return;
            }
            if (code == OpenApiDocument.FAULT) {
                failures.add(where + "\n  FAULT (code 30, status " + response.statusCode() + "): " + abbreviate(response.body()));
            } else if (!allowed.contains(code)) {
                failures.add(where + "\n  code " + code + " is not one of the method's x-error-codes: " + abbreviate(response.body()));
            }
            if (documented.get("x-http-status").asInt() != response.statusCode()) {
                failures.add(where + "\n  code " + code + " came with status " + response.statusCode() + ", the table says "
                        + documented.get("x-http-status").asInt());
            }
            document.validate(document.responseSchemaPointer(method, response.statusCode()), answer)
                    .forEach(e -> failures.add(where + "\n  error answer off the document: " + e + "\n  answer: " + abbreviate(answer.toString())));
            if (!changes.isEmpty()) {
                failures.add(where + "\n  refused with code " + code + " but wrote: " + changes);
            }
        }

        private MerchantClient client(Map<String, String> headers) {
            MerchantClient client = demo;
            for (Map.Entry<String, String> h : headers.entrySet()) {
                client = h.getValue() == null ? client.without(h.getKey()) : client.with(h.getKey(), h.getValue());
            }
            return client;
        }

        private TableState snapshot() {
            long t = System.nanoTime();
            TableState scanned = TableState.scan(dynamo, tally.endpoints().tableName());
            scanNanos += System.nanoTime() - t;
            return scanned;
        }
    }

    private static final Map<Integer, JsonNode> ERROR_CODES = new HashMap<>();

    private static JsonNode errorCode(int code) {
        if (ERROR_CODES.isEmpty()) {
            document.root().at("/components/schemas/ErrorCode/oneOf").forEach(c -> ERROR_CODES.put(c.get("const").asInt(), c));
        }
        return ERROR_CODES.get(code);
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "…(" + text.length() + " chars)";
    }
}
