package io.tally.infra;

import static io.tally.infra.SynthesizedStacks.resources;
import static io.tally.infra.TallyStackTest.list;
import static io.tally.infra.TallyStackTest.map;
import static io.tally.infra.TallyStackTest.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.lambda.topology.FunctionId;
import io.tally.lambda.topology.QueueId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** The stack's observability: the API's access log, the dashboard with the shared metrics contract and every alarm. */
class ObservabilityStackTest {

    @Test
    void the_api_writes_a_json_access_log_to_its_own_log_group_with_retention() throws Exception {
        for (Template template : SynthesizedStacks.both()) {
            Map<String, Object> stage = properties(template.findResources("AWS::ApiGatewayV2::Stage").values().iterator().next());
            Map<String, Object> settings = map(stage.get("AccessLogSettings"));
            String logGroupId = (String) list(map(settings.get("DestinationArn")).get("Fn::GetAtt")).get(0);
            Map<String, Object> logGroup = resources(template).get(logGroupId);
            assertEquals("AWS::Logs::LogGroup", logGroup.get("Type"));
            assertEquals(30, properties(logGroup).get("RetentionInDays"));
            Map<?, ?> format = new ObjectMapper().readValue((String) settings.get("Format"), Map.class);
            assertEquals(ApiAccessLogs.FIELDS, format);
            assertTrue(format.containsValue("$context.requestId") && format.containsValue("$context.status"));
        }
    }

    @Test
    void each_stack_has_a_dashboard_with_every_contract_metric_of_its_brand() {
        for (Template template : SynthesizedStacks.both()) {
            String brand = template == SynthesizedStacks.PROD ? SynthesizedStacks.PROD_CONFIG.brand()
                    : SynthesizedStacks.DEV_CONFIG.brand();
            Map<String, Map<String, Object>> dashboards = template.findResources("AWS::CloudWatch::Dashboard");
            assertEquals(1, dashboards.size());
            String body = flatten(properties(dashboards.values().iterator().next()).get("DashboardBody"));
            for (String metric : Dashboard.CONTRACT.keySet()) {
                String expression = Dashboard.searchExpression(brand, metric, metric.equals("Latency") ? "p99" : "Sum");
                assertTrue(body.contains(expression.replace("\"", "\\\"")), metric + " is graphed: " + expression);
            }
            assertTrue(body.contains("AWS/Lambda") && body.contains("AWS/ApiGateway") && body.contains("AWS/SQS"));
            for (String awsMetric : new String[] {"Errors", "Throttles", "Duration", "4xx", "5xx", "Latency",
                    "ApproximateAgeOfOldestMessage", "ApproximateNumberOfMessagesVisible"}) {
                assertTrue(body.contains("\"" + awsMetric + "\""), awsMetric + " is graphed");
            }
            Map<String, Map<String, Object>> alarms = template.findResources("AWS::CloudWatch::Alarm");
            assertEquals(2 * QueueId.values().length + 2 * FunctionId.values().length + 1, alarms.size());
            for (String alarm : alarms.keySet()) {
                assertTrue(body.contains(alarm), "the alarm status widget shows " + alarm);
            }
        }
    }

    @Test
    void the_contract_names_exactly_the_shared_metrics() {
        assertEquals(Map.of("MoneyIssued", List.of("ValueType"), "MoneyRedeemed", List.of("ValueType"),
                "Errors", List.of("ErrorCode"), "Checkouts", List.of(),
                "Latency", List.of("Method"), "Requests", List.of("Method"),
                "QueueMessagesFailed", List.of("Function")), Dashboard.CONTRACT);
        assertEquals("SEARCH('{Tally,Brand,ValueType} MetricName=\"MoneyIssued\" Brand=\"ACME\"', 'Sum', 300)",
                Dashboard.searchExpression("ACME", "MoneyIssued", "Sum"));
    }

    /** A dashboard body is an Fn::Join of literal text and references: the text with each reference as its JSON. */
    private static String flatten(Object body) {
        if (body instanceof String text) {
            return text;
        }
        Map<String, Object> join = map(body);
        if (!join.containsKey("Fn::Join")) {
            return join.toString();
        }
        StringBuilder out = new StringBuilder();
        for (Object part : list(list(join.get("Fn::Join")).get(1))) {
            out.append(part instanceof String text ? text : part.toString());
        }
        return out.toString();
    }
}
