package io.tally.sqs.obs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Telemetry telemetry = new Telemetry("merchant-api", Map.of(Telemetry.BRAND, "acme"),
            new PrintStream(out, true, StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_line_carries_the_powertools_fields_and_cold_start_only_once() throws Exception {
        for (int i = 0; i < 2; i++) {
            telemetry.run(lambdaContext(), "ref-" + i, "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1",
                    () -> {
                        Invocation.current().orElseThrow().line(Level.INFO, "request").field("status", 200).write();
                        return null;
                    });
        }
        List<JsonNode> lines = lines();
        assertEquals(2, lines.size());
        JsonNode first = lines.get(0);
        assertEquals("2026-12-01T10:00:00Z", first.get("timestamp").asText());
        assertEquals("INFO", first.get("level").asText());
        assertEquals("request", first.get("message").asText());
        assertEquals("merchant-api", first.get("service").asText());
        assertEquals("tally-acme-merchant-api", first.get("function_name").asText());
        assertEquals("7", first.get("function_version").asText());
        assertEquals("1024", first.get("function_memory_size").asText());
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:tally-acme-merchant-api", first.get("function_arn").asText());
        assertEquals("aws-req-1", first.get("function_request_id").asText());
        assertEquals("1-5759e988-bd862e3fe1be46a994272793", first.get("xray_trace_id").asText());
        assertEquals("ref-0", first.get("correlation_id").asText());
        assertEquals(200, first.get("status").asInt());
        assertTrue(first.get("cold_start").asBoolean());
        assertFalse(lines.get(1).get("cold_start").asBoolean());
    }

    @Test
    void secrets_in_fields_are_masked_and_control_characters_escaped() throws Exception {
        telemetry.run(null, null, null, () -> {
            Invocation.current().orElseThrow().line(Level.WARN, "odd \"input\"\n").field("pin", "1234")
                    .field("employeePassword", "hunter2").field("note", "a\tb\u0001").write();
            return null;
        });
        String text = out.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("1234") || text.contains("hunter2"), text);
        JsonNode line = lines().get(0);
        assertEquals(Redaction.MASK, line.get("pin").asText());
        assertEquals("odd \"input\"\n", line.get("message").asText());
        assertEquals("a\tb\u0001", line.get("note").asText());
    }

    @Test
    void a_level_below_tally_log_level_is_not_written() {
        Telemetry warnOnly = new Telemetry("jobs", Map.of(Telemetry.LOG_LEVEL, "warn"),
                new PrintStream(out, true, StandardCharsets.UTF_8), Clock.systemUTC());
        warnOnly.job(null, "expiry-sweeper", () -> "swept 0 cards");
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void a_fault_is_one_error_line_with_its_stack_trace_and_counts_as_an_error() throws Exception {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRouteKey("GET /portal/{brand}")
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("gw-1").build()).build();
        assertThrows(IllegalStateException.class, () -> telemetry.http(event, null, e -> {
            throw new IllegalStateException("boom", new RuntimeException("cause"));
        }));
        List<JsonNode> lines = lines();
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("ERROR", lines.get(0).get("level").asText());
        assertEquals("gw-1", lines.get(0).get("correlation_id").asText());
        assertTrue(lines.get(0).get("stack_trace").asText().contains("TelemetryTest"));
        assertTrue(lines.get(0).get("stack_trace").asText().contains("Caused by: java.lang.RuntimeException: cause"));
        JsonNode emf = lines.get(1);
        assertDirective(emf, List.of("Brand", "ErrorCode"), Map.of("Errors", "Count"));
        assertEquals("fault", emf.get("ErrorCode").asText());
        assertEquals(1, emf.get("Errors").asInt());
    }

    @Test
    void a_page_request_is_one_line_with_route_status_and_time_never_the_path() throws Exception {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRouteKey("GET /portal/{brand}/{proxy+}")
                .withRawPath("/portal/acme/link/secret-token").withRequestContext(
                        APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("gw-2").build()).build();
        telemetry.http(event, null, e -> APIGatewayV2HTTPResponse.builder().withStatusCode(303).build());
        List<JsonNode> lines = lines();
        assertEquals(1, lines.size());
        assertEquals("GET /portal/{brand}/{proxy+}", lines.get(0).get("route").asText());
        assertEquals(303, lines.get(0).get("status").asInt());
        assertTrue(lines.get(0).get("ms").isNumber());
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("secret-token"));
    }

    @Test
    void an_sqs_batch_reports_its_failed_items_as_a_metric() throws Exception {
        SQSEvent batch = new SQSEvent();
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (String id : List.of("m1", "m2")) {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId(id);
            records.add(m);
        }
        batch.setRecords(records);
        Telemetry consumer = new Telemetry("events-consumer", Map.of(Telemetry.BRAND, "acme"),
                new PrintStream(out, true, StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC));
        consumer.sqs(batch, null, b -> SQSBatchResponse.builder().withBatchItemFailures(List.of(
                SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier("m2").build())).build());
        List<JsonNode> lines = lines();
        assertEquals("WARN", lines.get(0).get("level").asText());
        assertEquals(2, lines.get(0).get("records").asInt());
        assertEquals(1, lines.get(0).get("failed").asInt());
        JsonNode emf = lines.get(1);
        assertDirective(emf, List.of("Brand", "Function"), Map.of("QueueMessagesFailed", "Count"));
        assertEquals(NOW.toEpochMilli(), emf.get("_aws").get("Timestamp").asLong());
        assertEquals("acme", emf.get("Brand").asText());
        assertEquals("events-consumer", emf.get("Function").asText());
        assertEquals(1, emf.get("QueueMessagesFailed").asInt());
    }

    @Test
    void metrics_flush_once_per_invocation_one_object_per_dimension_set() throws Exception {
        telemetry.run(null, "ref", null, () -> {
            Metrics m = Invocation.current().orElseThrow().metrics();
            m.count("Requests", "Method", "updateBalance");
            m.millis("Latency", 12_345_678, "Method", "updateBalance");
            m.amount("MoneyIssued", 401, 2, "ValueType", "Currency:USD");
            m.amount("MoneyIssued", 5, 0, "ValueType", "Points");
            m.amount("MoneyIssued", 99, 2, "ValueType", "Currency:USD");
            m.count("Checkouts");
            return null;
        });
        List<JsonNode> emf = lines();
        assertEquals(4, emf.size(), emf.toString());
        assertDirective(emf.get(0), List.of("Brand", "Method"), Map.of("Requests", "Count", "Latency", "Milliseconds"));
        assertEquals("updateBalance", emf.get(0).get("Method").asText());
        assertEquals(1, emf.get(0).get("Requests").asInt());
        assertEquals(12.34, emf.get(0).get("Latency").asDouble());
        assertDirective(emf.get(1), List.of("Brand", "ValueType"), Map.of("MoneyIssued", "None"));
        assertEquals("Currency:USD", emf.get(1).get("ValueType").asText());
        assertEquals("[4.01,0.99]", emf.get(1).get("MoneyIssued").toString());
        assertEquals("Points", emf.get(2).get("ValueType").asText());
        assertEquals(5, emf.get(2).get("MoneyIssued").asInt());
        assertDirective(emf.get(3), List.of("Brand"), Map.of("Checkouts", "Count"));
        assertEquals("ref", emf.get(3).get("correlation_id").asText());
    }

    @Test
    void no_more_than_a_hundred_metrics_go_in_one_object() throws Exception {
        telemetry.run(null, null, null, () -> {
            for (int i = 0; i < 150; i++) {
                Invocation.current().orElseThrow().metrics().count("M" + i);
            }
            return null;
        });
        List<JsonNode> emf = lines();
        assertEquals(2, emf.size());
        assertEquals(100, emf.get(0).get("_aws").get("CloudWatchMetrics").get(0).get("Metrics").size());
        assertEquals(50, emf.get(1).get("_aws").get("CloudWatchMetrics").get(0).get("Metrics").size());
    }

    @Test
    void tally_metrics_off_keeps_emf_out_of_a_local_console() {
        Telemetry quiet = new Telemetry("merchant-api", Map.of(Telemetry.METRICS, "off"),
                new PrintStream(out, true, StandardCharsets.UTF_8), Clock.systemUTC());
        quiet.run(null, null, null, () -> {
            Invocation.current().orElseThrow().metrics().count("Checkouts");
            return null;
        });
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    private static void assertDirective(JsonNode emf, List<String> dimensions, Map<String, String> units) {
        JsonNode directive = emf.get("_aws").get("CloudWatchMetrics").get(0);
        assertEquals("Tally", directive.get("Namespace").asText());
        assertEquals(1, directive.get("Dimensions").size());
        List<String> named = new ArrayList<>();
        directive.get("Dimensions").get(0).forEach(d -> named.add(d.asText()));
        assertEquals(dimensions, named);
        assertEquals(units.size(), directive.get("Metrics").size());
        directive.get("Metrics").forEach(m -> assertEquals(units.get(m.get("Name").asText()), m.get("Unit").asText(),
                m.toString()));
        units.keySet().forEach(name -> assertTrue(emf.has(name), name));
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    /** The handful of {@link Context} answers the log reads; every other method answers null. */
    private static Context lambdaContext() {
        Map<String, Object> answers = Map.of("getAwsRequestId", "aws-req-1", "getFunctionName", "tally-acme-merchant-api",
                "getFunctionVersion", "7", "getMemoryLimitInMB", 1024,
                "getInvokedFunctionArn", "arn:aws:lambda:us-east-1:000000000000:function:tally-acme-merchant-api");
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> answers.get(method.getName()));
    }
}
