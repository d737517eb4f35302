package io.tally.infra;

import io.tally.lambda.topology.FunctionId;
import io.tally.lambda.topology.QueueId;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.CreateAlarmOptions;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * The alarms an operator of a brand stack needs on day one, all publishing to one SNS topic (with an
 * email subscription if {@code alarmEmail} is set; subscribe chat or paging tools to its ARN output).
 * Every threshold is "anything at all": a message in a DLQ, a function error or throttle, or a 5xx
 * means something needs a look.
 */
final class Alarms {
    private static final Duration PERIOD = Duration.minutes(5);
    /** Longer than a few visibility timeouts: the consumer is stuck or failing. */
    private static final Duration MAX_MESSAGE_AGE = Duration.minutes(15);

    private Alarms() {
    }

    static Topic create(Construct scope, StackConfig config, Map<QueueId, Queues.Pair> queues,
                        Map<FunctionId, Functions.Deployed> functions, Api.Deployed api) {
        Topic topic = Topic.Builder.create(scope, "AlarmTopic")
                .displayName("Tally " + config.brand() + " " + config.stage() + " alarms")
                .enforceSsl(true)
                .build();
        config.alarmEmail().ifPresent(email -> topic.addSubscription(new EmailSubscription(email)));
        SnsAction action = new SnsAction(topic);

        queues.forEach((id, pair) -> {
            String name = Names.pascal(id.name());
            alarm(scope, name + "DeadLettersAlarm", action, 0,
                    pair.deadLetters().metricApproximateNumberOfMessagesVisible(stat("Maximum", Duration.minutes(1))),
                    "Messages in the " + id.deadLetterName() + " dead-letter queue: inspect, fix, then redrive");
            alarm(scope, name + "QueueAgeAlarm", action, MAX_MESSAGE_AGE.toSeconds(),
                    pair.queue().metricApproximateAgeOfOldestMessage(stat("Maximum", Duration.minutes(1))),
                    "The oldest message in " + id.logicalName() + " waits longer than " + MAX_MESSAGE_AGE.toMinutes() + " minutes");
        });
        functions.forEach((id, deployed) -> {
            String name = Names.pascal(id.name());
            alarm(scope, name + "ErrorsAlarm", action, 0, deployed.function().metricErrors(stat("Sum", PERIOD)),
                    "Function " + id.logicalName() + " failed invocations");
            alarm(scope, name + "ThrottlesAlarm", action, 0, deployed.function().metricThrottles(stat("Sum", PERIOD)),
                    "Function " + id.logicalName() + " was throttled (account or reserved concurrency)");
        });
        alarm(scope, "Api5xxAlarm", action, 0, api.api().metricServerError(stat("Sum", PERIOD)),
                "The HTTP API answered 5xx");
        return topic;
    }

    private static MetricOptions stat(String statistic, Duration period) {
        return MetricOptions.builder().statistic(statistic).period(period).build();
    }

    private static void alarm(Construct scope, String id, SnsAction action, Number threshold, Metric metric,
                              String description) {
        Alarm alarm = metric.createAlarm(scope, id, CreateAlarmOptions.builder()
                .alarmDescription(description)
                .threshold(threshold)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build());
        alarm.addAlarmAction(action);
        alarm.addOkAction(action);
    }
}
