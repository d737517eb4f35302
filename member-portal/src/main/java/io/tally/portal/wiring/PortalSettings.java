package io.tally.portal.wiring;

import static io.tally.sqs.wiring.Environment.optional;
import static io.tally.sqs.wiring.Environment.require;

import io.tally.sqs.wiring.ContainerSettings;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration of the portal and e-mail functions. On Lambda it comes from environment variables; the local
 * runtime builds it directly. The signing secret (links, CSRF, challenges) and the sealing secret (the PIN an
 * enrollment in progress has chosen rests sealed) are configuration, never generated at init. With an SMTP host
 * e-mail goes over SMTP, otherwise through SES.
 *
 * @param publicOrigin the origin links in e-mails use ({@code https://rewards.example.com}); empty = the request's host
 * @param assetsBucket the bucket of the asset library's images (the Report Center's), which the portal serves; only the
 *                     portal function has it
 * @param s3Endpoint   an S3 endpoint (s3rver) off AWS
 * @param trackingSecret signs (the e-mail sender) and checks (the portal) the e-mails' tracking links; only those two have it
 * @param sesConfigurationSet the SES configuration set whose event destination publishes the delivery events (AWS only)
 */
public record PortalSettings(String tableName, String eventsQueueUrl, String emailQueueUrl,
                             Optional<URI> dynamoEndpoint, Optional<URI> sqsEndpoint, String region,
                             Optional<String> signingSecret, Optional<String> sealSecret, Optional<String> smtpHost, int smtpPort,
                             Optional<String> publicOrigin, Optional<String> edgeSecret, Optional<String> assetsBucket,
                             Optional<URI> s3Endpoint, Optional<String> trackingSecret, Optional<String> sesConfigurationSet) {
    public static final String TABLE_NAME = "TALLY_TABLE_NAME";
    public static final String EVENTS_QUEUE_URL = "TALLY_EVENTS_QUEUE_URL";
    public static final String EMAILS_QUEUE_URL = "TALLY_EMAILS_QUEUE_URL";
    public static final String PORTAL_SECRET = "TALLY_PORTAL_SECRET";
    /** The stack's sealing secret, shared with the merchant API (which seals the answers it replays). */
    public static final String SEAL_SECRET = "TALLY_SEAL_SECRET";
    public static final String SMTP_HOST = "TALLY_SMTP_HOST";
    public static final String SMTP_PORT = "TALLY_SMTP_PORT";
    public static final String PORTAL_ORIGIN = "TALLY_PORTAL_ORIGIN";
    /** Set when the member pages are behind the brand's CloudFront distribution: the secret of its origin header. */
    public static final String EDGE_SECRET = "TALLY_PORTAL_EDGE_SECRET";
    /** The Report Center's bucket, whose {@code assets/} the portal serves (io.tally.sqs.s3.ReportStorage.BUCKET). */
    public static final String ASSETS_BUCKET = "TALLY_REPORTS_BUCKET";
    /** Signs (the e-mail sender) and checks (the portal) the e-mails' tracking image and click links, nothing else. */
    public static final String TRACKING_SECRET = "TALLY_TRACKING_SECRET";
    /** The SES configuration set whose event destination publishes the delivery events (AWS only). */
    public static final String SES_CONFIGURATION_SET = "TALLY_SES_CONFIGURATION_SET";

    public PortalSettings {
        require(tableName, TABLE_NAME);
        require(eventsQueueUrl, EVENTS_QUEUE_URL);
        require(emailQueueUrl, EMAILS_QUEUE_URL);
        Objects.requireNonNull(dynamoEndpoint, "dynamoEndpoint");
        Objects.requireNonNull(sqsEndpoint, "sqsEndpoint");
        Objects.requireNonNull(signingSecret, "signingSecret");
        Objects.requireNonNull(sealSecret, "sealSecret");
        signingSecret.ifPresent(secret -> require(secret, PORTAL_SECRET));
        sealSecret.ifPresent(secret -> require(secret, SEAL_SECRET));
        Objects.requireNonNull(smtpHost, "smtpHost");
        Objects.requireNonNull(publicOrigin, "publicOrigin");
        Objects.requireNonNull(edgeSecret, "edgeSecret");
        Objects.requireNonNull(assetsBucket, "assetsBucket");
        Objects.requireNonNull(s3Endpoint, "s3Endpoint");
        Objects.requireNonNull(trackingSecret, "trackingSecret");
        trackingSecret.ifPresent(secret -> require(secret, TRACKING_SECRET));
        Objects.requireNonNull(sesConfigurationSet, "sesConfigurationSet");
    }

    /** Settings without the asset library's bucket, tracking and a configuration set. */
    public PortalSettings(String tableName, String eventsQueueUrl, String emailQueueUrl,
                          Optional<URI> dynamoEndpoint, Optional<URI> sqsEndpoint, String region,
                          Optional<String> signingSecret, Optional<String> sealSecret, Optional<String> smtpHost,
                          int smtpPort, Optional<String> publicOrigin, Optional<String> edgeSecret) {
        this(tableName, eventsQueueUrl, emailQueueUrl, dynamoEndpoint, sqsEndpoint, region, signingSecret, sealSecret,
                smtpHost, smtpPort, publicOrigin, edgeSecret, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** These settings serving the asset library's images from {@code bucket} ({@code endpoint}: s3rver off AWS). */
    public PortalSettings withAssets(String bucket, Optional<URI> endpoint) {
        return new PortalSettings(tableName, eventsQueueUrl, emailQueueUrl, dynamoEndpoint, sqsEndpoint, region,
                signingSecret, sealSecret, smtpHost, smtpPort, publicOrigin, edgeSecret, Optional.of(bucket), endpoint,
                trackingSecret, sesConfigurationSet);
    }

    /** These settings signing or checking the e-mails' tracking links with {@code secret}. */
    public PortalSettings withTracking(String secret) {
        return new PortalSettings(tableName, eventsQueueUrl, emailQueueUrl, dynamoEndpoint, sqsEndpoint, region,
                signingSecret, sealSecret, smtpHost, smtpPort, publicOrigin, edgeSecret, assetsBucket, s3Endpoint,
                Optional.of(secret), sesConfigurationSet);
    }

    /** The settings of a portal reached directly (no CloudFront in front): local runs, tests, stacks without a domain. */
    public PortalSettings(String tableName, String eventsQueueUrl, String emailQueueUrl,
                          Optional<URI> dynamoEndpoint, Optional<URI> sqsEndpoint, String region,
                          Optional<String> signingSecret, Optional<String> sealSecret, Optional<String> smtpHost,
                          int smtpPort, Optional<String> publicOrigin) {
        this(tableName, eventsQueueUrl, emailQueueUrl, dynamoEndpoint, sqsEndpoint, region, signingSecret, sealSecret,
                smtpHost, smtpPort, publicOrigin, Optional.empty());
    }

    /**
     * The signing secret, for what signs or verifies (the portal's pages, the jobs' e-mailed links). Only those functions
     * get it (least privilege: the e-mail sender signs nothing), so it is read when first needed, not at start-up.
     */
    public String requireSigningSecret() {
        return signingSecret.orElseThrow(() -> new IllegalStateException(PORTAL_SECRET + " is not set for this function"));
    }

    /** The sealing secret, for what seals or unseals (enrollments' chosen PINs); read when first needed. */
    public String requireSealSecret() {
        return sealSecret.orElseThrow(() -> new IllegalStateException(SEAL_SECRET + " is not set for this function"));
    }

    /** Talking to local protocol servers: cookies without Secure, http links. */
    public boolean local() {
        return container().local();
    }

    /** What the shared plumbing (adapters-sqs) needs: endpoints, the events queue and the e-mail queue. */
    public ContainerSettings container() {
        return new ContainerSettings(region, dynamoEndpoint, sqsEndpoint, eventsQueueUrl, Optional.of(emailQueueUrl));
    }

    public static PortalSettings fromEnvironment(Map<String, String> env) {
        return new PortalSettings(env.get(TABLE_NAME), env.get(EVENTS_QUEUE_URL), env.get(EMAILS_QUEUE_URL),
                optional(env, "TALLY_DYNAMODB_ENDPOINT").map(URI::create), optional(env, "TALLY_SQS_ENDPOINT").map(URI::create),
                env.getOrDefault("AWS_REGION", "us-east-1"), optional(env, PORTAL_SECRET), optional(env, SEAL_SECRET), optional(env, SMTP_HOST),
                Integer.parseInt(env.getOrDefault(SMTP_PORT, "25")), optional(env, PORTAL_ORIGIN), optional(env, EDGE_SECRET),
                optional(env, ASSETS_BUCKET), optional(env, "TALLY_S3_ENDPOINT").map(URI::create),
                optional(env, TRACKING_SECRET), optional(env, SES_CONFIGURATION_SET));
    }

    @Override
    public String toString() {
        return "PortalSettings[" + tableName + ", smtp=" + smtpHost.orElse("-") + ", secrets=****]";
    }
}
