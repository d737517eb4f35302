package io.tally.lambda.topology;

/**
 * The SQS queues of a Tally stack, each consumed by one function and backed by a dead-letter queue.
 * The CDK stack and the local runtime both create exactly these.
 */
public enum QueueId {
    /** Domain events (balance changes, enrollments, provisioning) for the asynchronous consumers. */
    EVENTS("tally-events", FunctionId.EVENTS_CONSUMER, 10, 5, "TALLY_EVENTS_QUEUE_URL"),
    /** E-mails to send (welcome, invitations), each sent at most once by the e-mail sender. */
    EMAILS("tally-emails", FunctionId.EMAIL_SENDER, 10, 5, "TALLY_EMAILS_QUEUE_URL"),
    /** Coupon bulk load chunks (up to 1,000 codes each), loaded by the coupon loader; redelivery is harmless. */
    COUPON_LOADS("tally-coupon-loads", FunctionId.COUPON_LOADER, 2, 5, "TALLY_COUPON_LOADS_QUEUE_URL"),
    /** Report Center export shards (up to 64 a report), one per message; a redelivered shard is recorded once. */
    REPORTS("tally-reports", FunctionId.REPORT_WRITER, 1, 5, "TALLY_REPORTS_QUEUE_URL"),
    /** Segment evaluation pages, one per message, each queueing the next; a redelivered page is recorded once. */
    SEGMENT_EVALUATIONS("tally-segment-evaluations", FunctionId.SEGMENT_EVALUATOR, 1, 5,
            "TALLY_SEGMENT_EVALUATIONS_QUEUE_URL"),
    /** Text messages to send (a send on the SMS channel), each sent at most once by the SMS sender. */
    SMS("tally-sms", FunctionId.SMS_SENDER, 10, 5, "TALLY_SMS_QUEUE_URL"),
    /** Scheduled sends' pages, one per message, each queueing the next (paced by its delay); a page is recorded once. */
    MAILINGS("tally-mailings", FunctionId.MAILER, 1, 5, "TALLY_MAILINGS_QUEUE_URL"),
    /** SES delivery events, as SNS notifications of the configuration set's topic; each counted once by its event id. */
    DELIVERY_EVENTS("tally-delivery-events", FunctionId.DELIVERY_EVENTS, 10, 5, "TALLY_DELIVERY_EVENTS_QUEUE_URL");

    private final String logicalName;
    private final FunctionId consumer;
    private final int batchSize;
    private final int maxReceiveCount;
    private final String urlEnvironmentVariable;

    QueueId(String logicalName, FunctionId consumer, int batchSize, int maxReceiveCount, String urlEnvironmentVariable) {
        this.logicalName = logicalName;
        this.consumer = consumer;
        this.batchSize = batchSize;
        this.maxReceiveCount = maxReceiveCount;
        this.urlEnvironmentVariable = urlEnvironmentVariable;
    }

    public String logicalName() {
        return logicalName;
    }

    public String deadLetterName() {
        return logicalName + "-dlq";
    }

    public FunctionId consumer() {
        return consumer;
    }

    public int batchSize() {
        return batchSize;
    }

    /** Deliveries before a message moves to the dead-letter queue. */
    public int maxReceiveCount() {
        return maxReceiveCount;
    }

    /** Six times the consumer's timeout, as AWS recommends for Lambda event sources. */
    public int visibilityTimeoutSeconds() {
        return 6 * consumer.timeoutSeconds();
    }

    /**
     * Whether our functions queue messages on it. The delivery events come only from the SES configuration set's SNS
     * topic: no function may send there (a forged complaint would unsubscribe a member, a forged bounce stop their mail).
     */
    public boolean fedByFunctions() {
        return this != DELIVERY_EVENTS;
    }

    /** The environment variable through which producers learn the queue's URL. */
    public String urlEnvironmentVariable() {
        return urlEnvironmentVariable;
    }
}
