package io.tally.sqs.obs;

import java.util.List;

/**
 * The business and technical metrics every function may emit in namespace {@value Metrics#NAMESPACE}, each with
 * dimension {@code Brand} and the ones listed. One list: the code emits through it and the stack's dashboard
 * ({@code infra-cdk} {@code Dashboard}) graphs it, so the two cannot drift apart.
 */
public enum TallyMetric {
    /** Money issued (issue and checkout entries), in the value type's decimal units. */
    MONEY_ISSUED("MoneyIssued", "ValueType"),
    /** Money redeemed (redeem and checkout entries), in the value type's decimal units. */
    MONEY_REDEEMED("MoneyRedeemed", "ValueType"),
    /** Errors per API error code, or {@code fault} for an unexpected failure. */
    ERRORS("Errors", "ErrorCode"),
    /** Checkouts accepted (not replays). */
    CHECKOUTS("Checkouts"),
    /** Merchant API latency per method, milliseconds. */
    LATENCY("Latency", "Method"),
    /** Merchant API requests per method. */
    REQUESTS("Requests", "Method"),
    /** SQS batch items an SQS consumer reported as failed, per function. */
    QUEUE_MESSAGES_FAILED("QueueMessagesFailed", "Function");

    private final String metricName;
    private final List<String> dimensions;

    TallyMetric(String metricName, String... dimensions) {
        this.metricName = metricName;
        this.dimensions = List.of(dimensions);
    }

    /** The CloudWatch metric name. */
    public String metricName() {
        return metricName;
    }

    /** The dimensions besides {@code Brand}. */
    public List<String> dimensions() {
        return dimensions;
    }

    /** The one dimension besides {@code Brand} (every metric but {@link #CHECKOUTS} has exactly one). */
    public String dimension() {
        if (dimensions.size() != 1) {
            throw new IllegalStateException(metricName + " has dimensions " + dimensions);
        }
        return dimensions.get(0);
    }
}
