package io.tally.lambda.topology;

/**
 * The Lambda functions of a Tally stack. The local runtime hosts each in-process; the CDK stack
 * deploys each as a function with these settings. One list, so the two cannot drift.
 */
public enum FunctionId {
    /** The merchant JSON API behind the HTTP API. */
    MERCHANT_API("merchant-api", "io.tally.lambda.http.MerchantApiHandler::handleRequest", 1024, 10),
    /** Consumes the domain-event queue. */
    EVENTS_CONSUMER("events-consumer", "io.tally.lambda.sqs.EventsConsumerHandler::handleRequest", 1024, 30),
    /** Runs the periodic jobs (the expiry sweeper), invoked by EventBridge Scheduler. */
    JOBS("jobs", "io.tally.lambda.jobs.PeriodicJobHandler::handleRequest", 1024, 300),
    /** The brand's hosted member pages (member-portal). */
    PORTAL("portal", "io.tally.portal.http.PortalHandler::handleRequest", 1024, 10),
    /** Sends queued e-mails through SES (SMTP off AWS). */
    EMAIL_SENDER("email-sender", "io.tally.portal.email.EmailSenderHandler::handleRequest", 512, 30),
    /** Loads coupon bulk load chunks from the coupon-load queue (1,000 conditional puts per chunk). */
    COUPON_LOADER("coupon-loader", "io.tally.lambda.coupons.CouponLoaderHandler::handleRequest", 1024, 120),
    /** The brands' back office under /admin (back-office): staff sign-in, customer service, setup, audit. */
    BACK_OFFICE("back-office", "io.tally.backoffice.http.BackOfficeHandler::handleRequest", 1024, 10),
    /** Writes Report Center export shards from the reports queue to S3 and completes the reports (back-office). */
    REPORT_WRITER("report-writer", "io.tally.backoffice.reports.ReportWriterHandler::handleRequest", 1024, 300),
    /** Evaluates segment evaluation pages (100 cards each) from their queue into membership snapshots (back-office). */
    SEGMENT_EVALUATOR("segment-evaluator", "io.tally.backoffice.segments.SegmentEvaluatorHandler::handleRequest", 1024,
            120),
    /** Sends queued text messages through AWS End User Messaging SMS (captured to a file off AWS). */
    SMS_SENDER("sms-sender", "io.tally.portal.sms.SmsSenderHandler::handleRequest", 512, 30),
    /** Fans scheduled sends out: a page of 100 cards a message, one queued e-mail per recipient (back-office). */
    MAILER("mailer", "io.tally.backoffice.sends.MailerHandler::handleRequest", 1024, 120),
    /** Records SES's delivery events (through SNS) exactly once: statistics, complaints, hard bounces (member-portal). */
    DELIVERY_EVENTS("delivery-events", "io.tally.portal.delivery.DeliveryEventsHandler::handleRequest", 512, 30);

    private final String logicalName;
    private final String handler;
    private final int memoryMb;
    private final int timeoutSeconds;

    FunctionId(String logicalName, String handler, int memoryMb, int timeoutSeconds) {
        this.logicalName = logicalName;
        this.handler = handler;
        this.memoryMb = memoryMb;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Short, stable, lower-case name (used in resource names and logs). */
    public String logicalName() {
        return logicalName;
    }

    /** The Lambda handler string, {@code class::method}. */
    public String handler() {
        return handler;
    }

    public String handlerClassName() {
        return handler.substring(0, handler.indexOf("::"));
    }

    public int memoryMb() {
        return memoryMb;
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }
}
