package io.tally.backoffice.wiring;

import static io.tally.sqs.wiring.Environment.optional;
import static io.tally.sqs.wiring.Environment.require;

import io.tally.sqs.wiring.ContainerSettings;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration of the back-office function: the table, the staff user pool and its app client, the queues it writes
 * to (domain events, e-mails) and the signing secret of sessions and CSRF tokens (configuration, never generated at
 * init). On Lambda from environment variables; the local runtime builds it directly, with cognito-local's, dynalite's
 * and ElasticMQ's endpoints. The operator's command line ({@link #forOperator}) manages staff only: it needs neither
 * the signing secret nor the e-mail queue, and a graph built without them refuses to build what would use them.
 */
public record OfficeSettings(String tableName, String userPoolId, String clientId, Optional<String> signingSecret,
                             String region, Optional<URI> dynamoEndpoint, Optional<URI> cognitoEndpoint,
                             Optional<URI> sqsEndpoint, String eventsQueueUrl, Optional<String> emailQueueUrl,
                             Optional<String> portalSecret, Optional<String> reportsQueueUrl,
                             Optional<String> reportsBucket, Optional<URI> s3Endpoint,
                             Optional<String> evaluationsQueueUrl, Optional<String> mailingsQueueUrl,
                             Optional<String> smsQueueUrl) {
    public static final String TABLE_NAME = "TALLY_TABLE_NAME";
    public static final String USER_POOL_ID = "TALLY_STAFF_POOL_ID";
    public static final String CLIENT_ID = "TALLY_STAFF_CLIENT_ID";
    public static final String OFFICE_SECRET = "TALLY_OFFICE_SECRET";
    public static final String EVENTS_QUEUE_URL = "TALLY_EVENTS_QUEUE_URL";
    public static final String EMAILS_QUEUE_URL = "TALLY_EMAILS_QUEUE_URL";
    public static final String DYNAMODB_ENDPOINT = "TALLY_DYNAMODB_ENDPOINT";
    public static final String COGNITO_ENDPOINT = "TALLY_COGNITO_ENDPOINT";
    public static final String SQS_ENDPOINT = "TALLY_SQS_ENDPOINT";
    /** The member portal's signing secret: the welcome e-mail's preferences link must verify on the portal. */
    public static final String PORTAL_SECRET = "TALLY_PORTAL_SECRET";
    /** The Report Center's queue of export shards (QueueId.REPORTS). */
    public static final String REPORTS_QUEUE_URL = "TALLY_REPORTS_QUEUE_URL";
    /** The Report Center's bucket (io.tally.sqs.s3.ReportStorage.BUCKET). */
    public static final String REPORTS_BUCKET = "TALLY_REPORTS_BUCKET";
    /** An S3 endpoint (s3rver) off AWS. */
    public static final String S3_ENDPOINT = "TALLY_S3_ENDPOINT";
    /** QueueId.SEGMENT_EVALUATIONS' URL: segment evaluation runs queue their pages there. */
    public static final String EVALUATIONS_QUEUE_URL = "TALLY_SEGMENT_EVALUATIONS_QUEUE_URL";
    /** QueueId.MAILINGS' URL: scheduled sends queue their fan-out's pages there. */
    public static final String MAILINGS_QUEUE_URL = "TALLY_MAILINGS_QUEUE_URL";
    /** QueueId.SMS' URL: sends on the SMS channel queue their texts there (without it, sends are e-mail only). */
    public static final String SMS_QUEUE_URL = "TALLY_SMS_QUEUE_URL";
    /**
     * {@code on} where the stack sends texts (it has an SMS origination identity): only then do the SMS queue's URL and
     * so the SMS channel of sends reach the graph (every function of a stack has every queue's URL).
     */
    public static final String SMS_CHANNEL = "TALLY_SMS_CHANNEL";

    public OfficeSettings {
        require(tableName, TABLE_NAME);
        require(userPoolId, USER_POOL_ID);
        require(clientId, CLIENT_ID);
        Objects.requireNonNull(signingSecret, "signingSecret");
        signingSecret.ifPresent(s -> require(s, OFFICE_SECRET));
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(dynamoEndpoint, "dynamoEndpoint");
        Objects.requireNonNull(cognitoEndpoint, "cognitoEndpoint");
        Objects.requireNonNull(sqsEndpoint, "sqsEndpoint");
        require(eventsQueueUrl, EVENTS_QUEUE_URL);
        Objects.requireNonNull(emailQueueUrl, "emailQueueUrl");
        Objects.requireNonNull(portalSecret, "portalSecret");
        Objects.requireNonNull(reportsQueueUrl, "reportsQueueUrl");
        Objects.requireNonNull(reportsBucket, "reportsBucket");
        Objects.requireNonNull(s3Endpoint, "s3Endpoint");
        Objects.requireNonNull(evaluationsQueueUrl, "evaluationsQueueUrl");
        Objects.requireNonNull(mailingsQueueUrl, "mailingsQueueUrl");
        Objects.requireNonNull(smsQueueUrl, "smsQueueUrl");
    }

    /** Without the Report Center (its queue and bucket): the back office then offers no exports. */
    public OfficeSettings(String tableName, String userPoolId, String clientId, Optional<String> signingSecret,
                          String region, Optional<URI> dynamoEndpoint, Optional<URI> cognitoEndpoint,
                          Optional<URI> sqsEndpoint, String eventsQueueUrl, Optional<String> emailQueueUrl,
                          Optional<String> portalSecret) {
        this(tableName, userPoolId, clientId, signingSecret, region, dynamoEndpoint, cognitoEndpoint, sqsEndpoint,
                eventsQueueUrl, emailQueueUrl, portalSecret, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** These settings with the Report Center's queue, bucket and (off AWS) S3 endpoint. */
    public OfficeSettings withReports(String queueUrl, String bucket, Optional<URI> s3) {
        return new OfficeSettings(tableName, userPoolId, clientId, signingSecret, region, dynamoEndpoint, cognitoEndpoint,
                sqsEndpoint, eventsQueueUrl, emailQueueUrl, portalSecret, Optional.of(queueUrl), Optional.of(bucket), s3,
                evaluationsQueueUrl, mailingsQueueUrl, smsQueueUrl);
    }

    /** These settings with the segment evaluations' queue. */
    public OfficeSettings withEvaluations(String queueUrl) {
        return new OfficeSettings(tableName, userPoolId, clientId, signingSecret, region, dynamoEndpoint, cognitoEndpoint,
                sqsEndpoint, eventsQueueUrl, emailQueueUrl, portalSecret, reportsQueueUrl, reportsBucket, s3Endpoint,
                Optional.of(queueUrl), mailingsQueueUrl, smsQueueUrl);
    }

    /** These settings with the scheduled sends' queue (their fan-out's pages). */
    public OfficeSettings withMailings(String queueUrl) {
        return new OfficeSettings(tableName, userPoolId, clientId, signingSecret, region, dynamoEndpoint, cognitoEndpoint,
                sqsEndpoint, eventsQueueUrl, emailQueueUrl, portalSecret, reportsQueueUrl, reportsBucket, s3Endpoint,
                evaluationsQueueUrl, Optional.of(queueUrl), smsQueueUrl);
    }

    /** These settings with the SMS queue: sends may then go on the SMS channel. */
    public OfficeSettings withSms(String queueUrl) {
        return new OfficeSettings(tableName, userPoolId, clientId, signingSecret, region, dynamoEndpoint, cognitoEndpoint,
                sqsEndpoint, eventsQueueUrl, emailQueueUrl, portalSecret, reportsQueueUrl, reportsBucket, s3Endpoint,
                evaluationsQueueUrl, mailingsQueueUrl, Optional.of(queueUrl));
    }

    /** Whether this container can export reports (the queue and the bucket are configured). */
    public boolean reports() {
        return reportsQueueUrl.isPresent() && reportsBucket.isPresent();
    }

    /** Without the portal's secret: the back office then offers no welcome resend (nothing could verify its links). */
    public OfficeSettings(String tableName, String userPoolId, String clientId, Optional<String> signingSecret,
                          String region, Optional<URI> dynamoEndpoint, Optional<URI> cognitoEndpoint,
                          Optional<URI> sqsEndpoint, String eventsQueueUrl, Optional<String> emailQueueUrl) {
        this(tableName, userPoolId, clientId, signingSecret, region, dynamoEndpoint, cognitoEndpoint, sqsEndpoint,
                eventsQueueUrl, emailQueueUrl, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Talking to local protocol servers: cookies without Secure, no HSTS, static credentials. */
    public boolean local() {
        return container().local() || cognitoEndpoint.isPresent();
    }

    /** What the shared plumbing (adapters-sqs) needs: endpoints, the events queue and the e-mail queue. */
    public ContainerSettings container() {
        return new ContainerSettings(region, dynamoEndpoint, sqsEndpoint, eventsQueueUrl, emailQueueUrl);
    }

    /** The secret sessions and CSRF tokens are signed with; only the function's graph has one. */
    public String requireSigningSecret() {
        return signingSecret.orElseThrow(() -> new IllegalStateException(OFFICE_SECRET + " is not set"));
    }

    /** The function's settings: everything required. */
    public static OfficeSettings fromEnvironment(Map<String, String> env) {
        require(env.get(OFFICE_SECRET), OFFICE_SECRET);
        require(env.get(EMAILS_QUEUE_URL), EMAILS_QUEUE_URL);
        return read(env);
    }

    /** The report writer's settings (QueueId.REPORTS' consumer): the table, the queues, the bucket; no secret. */
    public static OfficeSettings forReportWriter(Map<String, String> env) {
        require(env.get(EMAILS_QUEUE_URL), EMAILS_QUEUE_URL);
        require(env.get(REPORTS_BUCKET), REPORTS_BUCKET);
        return read(env);
    }

    /** The segment evaluator's settings (QueueId.SEGMENT_EVALUATIONS' consumer): the table and the queues; no secret. */
    public static OfficeSettings forSegmentEvaluator(Map<String, String> env) {
        require(env.get(EVALUATIONS_QUEUE_URL), EVALUATIONS_QUEUE_URL);
        return read(env);
    }

    /**
     * The mailer's settings (QueueId.MAILINGS' consumer): the table, the queues and the portal's secret (its pages sign
     * each recipient's unsubscribe and preferences links); no office secret.
     */
    public static OfficeSettings forMailer(Map<String, String> env) {
        require(env.get(MAILINGS_QUEUE_URL), MAILINGS_QUEUE_URL);
        require(env.get(EMAILS_QUEUE_URL), EMAILS_QUEUE_URL);
        require(env.get(PORTAL_SECRET), PORTAL_SECRET);
        return read(env);
    }

    /** The operator's command line ({@code tally admin staff}): the table, the pool, the events queue. */
    public static OfficeSettings forOperator(Map<String, String> env) {
        return read(env);
    }

    private static OfficeSettings read(Map<String, String> env) {
        return new OfficeSettings(env.get(TABLE_NAME), env.get(USER_POOL_ID), env.get(CLIENT_ID),
                optional(env, OFFICE_SECRET), env.getOrDefault("AWS_REGION", "us-east-1"),
                optional(env, DYNAMODB_ENDPOINT).map(URI::create), optional(env, COGNITO_ENDPOINT).map(URI::create),
                optional(env, SQS_ENDPOINT).map(URI::create), env.get(EVENTS_QUEUE_URL), optional(env, EMAILS_QUEUE_URL),
                optional(env, PORTAL_SECRET), optional(env, REPORTS_QUEUE_URL), optional(env, REPORTS_BUCKET),
                optional(env, S3_ENDPOINT).map(URI::create), optional(env, EVALUATIONS_QUEUE_URL),
                optional(env, MAILINGS_QUEUE_URL),
                optional(env, SMS_QUEUE_URL).filter(url -> "on".equals(env.get(SMS_CHANNEL))));
    }

    @Override
    public String toString() {
        return "OfficeSettings[" + tableName + ", pool " + userPoolId + ", secrets=****]";
    }
}
