package io.tally.infra;

import io.tally.lambda.topology.FunctionId;
import io.tally.lambda.topology.QueueId;
import io.tally.sqs.obs.TallyMetric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * One CloudWatch dashboard per brand stack, {@code Tally-<brand>-<stage>}: the alarms' state first, then the business
 * and merchant figures the functions emit in embedded metric format (namespace {@value #NAMESPACE}, dimension
 * {@code Brand} on every metric; see docs/ARCHITECTURE.md, "Observability"), then the AWS metrics of the functions, the
 * HTTP API and the queues. The emitted metrics are graphed with SEARCH expressions, so every value type, error code,
 * merchant method or function that appears gets its own line without a change here.
 */
final class Dashboard {
    static final String NAMESPACE = "Tally";
    /** The shared metrics contract: metric name and the dimensions besides {@code Brand}. */
    static final Map<String, List<String>> CONTRACT = java.util.Arrays.stream(TallyMetric.values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(TallyMetric::metricName, TallyMetric::dimensions));
    private static final Duration PERIOD = Duration.minutes(5);
    private static final int FULL = 24;
    private static final int HALF = 12;
    private static final int THIRD = 8;

    private Dashboard() {
    }

    static software.amazon.awscdk.services.cloudwatch.Dashboard create(
            Construct scope, StackConfig config, Map<QueueId, Queues.Pair> queues,
            Map<FunctionId, Functions.Deployed> functions, Api.Deployed api) {
        String brand = config.brand();
        List<List<? extends IWidget>> rows = new ArrayList<>();
        rows.add(List.of(TextWidget.Builder.create().width(FULL).height(2).markdown("# Tally " + brand + " " + config.stage()
                + "\nBusiness and merchant figures from the functions' embedded metrics (namespace `" + NAMESPACE
                + "`, Brand `" + brand + "`), then functions, API and queues. Alarms publish to the stack's alarm topic.")
                .build()));
        rows.add(List.of(AlarmStatusWidget.Builder.create().title("Alarms").width(FULL).height(6)
                .alarms(alarms(scope)).build()));
        rows.add(List.of(
                graph("Money issued per value type (decimal units)", HALF, search(brand, TallyMetric.MONEY_ISSUED.metricName(), "Sum")),
                graph("Money redeemed per value type (decimal units)", HALF, search(brand, TallyMetric.MONEY_REDEEMED.metricName(), "Sum"))));
        rows.add(List.of(
                graph("Checkouts", THIRD, search(brand, TallyMetric.CHECKOUTS.metricName(), "Sum")),
                graph("Errors per error code", THIRD, search(brand, TallyMetric.ERRORS.metricName(), "Sum")),
                graph("Failed queue messages per function", THIRD, search(brand, TallyMetric.QUEUE_MESSAGES_FAILED.metricName(), "Sum"))));
        rows.add(List.of(
                graph("Merchant requests per method", HALF, search(brand, TallyMetric.REQUESTS.metricName(), "Sum")),
                graph("Merchant latency per method, p99 (ms)", HALF, search(brand, TallyMetric.LATENCY.metricName(), "p99"))));
        rows.add(List.of(
                graph("Function errors", THIRD, perFunction(functions, d -> d.function().metricErrors(stat("Sum")))),
                graph("Function throttles", THIRD, perFunction(functions, d -> d.function().metricThrottles(stat("Sum")))),
                graph("Function duration p99 (ms)", THIRD, perFunction(functions, d -> d.function().metricDuration(stat("p99"))))));
        rows.add(List.of(
                graph("API 4xx", THIRD, List.of(api.api().metricClientError(stat("Sum")))),
                graph("API 5xx", THIRD, List.of(api.api().metricServerError(stat("Sum")))),
                graph("API latency p99 (ms)", THIRD, List.of(api.api().metricLatency(stat("p99")),
                        api.api().metricIntegrationLatency(stat("p99"))))));
        List<IMetric> ages = new ArrayList<>();
        List<IMetric> deadLetters = new ArrayList<>();
        queues.forEach((id, pair) -> {
            ages.add(pair.queue().metricApproximateAgeOfOldestMessage(labelled("Maximum", id.logicalName())));
            deadLetters.add(pair.deadLetters().metricApproximateNumberOfMessagesVisible(labelled("Maximum", id.deadLetterName())));
        });
        rows.add(List.of(graph("Oldest message per queue (s)", HALF, ages),
                graph("Messages in dead-letter queues", HALF, deadLetters)));

        software.amazon.awscdk.services.cloudwatch.Dashboard dashboard =
                software.amazon.awscdk.services.cloudwatch.Dashboard.Builder.create(scope, "Dashboard")
                        .dashboardName(config.stackName())
                        .defaultInterval(Duration.hours(6))
                        .build();
        rows.forEach(row -> dashboard.addWidgets(row.toArray(IWidget[]::new)));
        return dashboard;
    }

    /** {@code SEARCH('{Tally,Brand,<dims>} MetricName="<name>" Brand="<brand>"', '<stat>', 300)}: one line per value. */
    static String searchExpression(String brand, String metricName, String statistic) {
        List<String> schema = new ArrayList<>(List.of(NAMESPACE, "Brand"));
        schema.addAll(CONTRACT.get(metricName));
        return "SEARCH('{" + String.join(",", schema) + "} MetricName=\"" + metricName + "\" Brand=\"" + brand + "\"', '"
                + statistic + "', " + PERIOD.toSeconds() + ")";
    }

    private static List<IMetric> search(String brand, String metricName, String statistic) {
        return List.of(MathExpression.Builder.create()
                .expression(searchExpression(brand, metricName, statistic))
                .usingMetrics(Map.of())
                .label("")
                .period(PERIOD)
                .build());
    }

    private static List<IMetric> perFunction(Map<FunctionId, Functions.Deployed> functions,
                                             java.util.function.Function<Functions.Deployed, Metric> metric) {
        List<IMetric> metrics = new ArrayList<>();
        functions.forEach((id, deployed) -> metrics.add(metric.apply(deployed).with(MetricOptions.builder()
                .label(id.logicalName()).build())));
        return metrics;
    }

    private static GraphWidget graph(String title, int width, List<? extends IMetric> metrics) {
        return GraphWidget.Builder.create().title(title).width(width).height(6).left(metrics).build();
    }

    private static MetricOptions stat(String statistic) {
        return MetricOptions.builder().statistic(statistic).period(PERIOD).build();
    }

    private static MetricOptions labelled(String statistic, String label) {
        return MetricOptions.builder().statistic(statistic).period(Duration.minutes(1)).label(label).build();
    }

    /** Every alarm of the stack (Alarms creates them), in the order they were created. */
    private static List<Alarm> alarms(Construct scope) {
        List<Alarm> alarms = new ArrayList<>();
        for (IConstruct child : scope.getNode().findAll()) {
            if (child instanceof Alarm alarm) {
                alarms.add(alarm);
            }
        }
        return alarms;
    }
}
