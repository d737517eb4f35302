package io.tally.portal.sms;

import static io.tally.sqs.wiring.Environment.optional;
import static io.tally.sqs.wiring.Environment.require;

import io.tally.sqs.wiring.ContainerSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The SMS sender function's configuration. On AWS: the brand's origination identity (the ARN of a phone number, sender
 * id or pool of End User Messaging SMS; its permission names exactly it) and optionally a configuration set. Off AWS:
 * {@code captureFile}, where texts are captured instead of sent ({@link CapturedSms}).
 */
public record SmsSettings(String tableName, String eventsQueueUrl, Optional<URI> dynamoEndpoint,
                          Optional<URI> sqsEndpoint, String region, Optional<String> originationIdentity,
                          Optional<String> configurationSet, Optional<URI> smsEndpoint, Optional<Path> captureFile) {
    public static final String ORIGINATION_IDENTITY = "TALLY_SMS_ORIGINATION_IDENTITY";
    public static final String CONFIGURATION_SET = "TALLY_SMS_CONFIGURATION_SET";
    public static final String SMS_ENDPOINT = "TALLY_SMS_ENDPOINT";
    public static final String CAPTURE_FILE = "TALLY_SMS_CAPTURE_FILE";

    public SmsSettings {
        require(tableName, "TALLY_TABLE_NAME");
        require(eventsQueueUrl, "TALLY_EVENTS_QUEUE_URL");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(originationIdentity, "originationIdentity");
        Objects.requireNonNull(configurationSet, "configurationSet");
        Objects.requireNonNull(smsEndpoint, "smsEndpoint");
        Objects.requireNonNull(captureFile, "captureFile");
    }

    /** Off AWS: dynalite and ElasticMQ, texts captured to a file. */
    public static SmsSettings local(String tableName, String eventsQueueUrl, URI dynamo, URI sqs, Path captureFile) {
        return new SmsSettings(tableName, eventsQueueUrl, Optional.of(dynamo), Optional.of(sqs), "us-east-1",
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(captureFile));
    }

    public ContainerSettings container() {
        return new ContainerSettings(region, dynamoEndpoint, sqsEndpoint, eventsQueueUrl, Optional.empty());
    }

    /** The origination identity, needed only when a text is really sent (a stack without one dead-letters texts). */
    public String requireOriginationIdentity() {
        return originationIdentity.orElseThrow(() -> new IllegalStateException(ORIGINATION_IDENTITY + " is not set"));
    }

    public static SmsSettings fromEnvironment(Map<String, String> env) {
        return new SmsSettings(env.get("TALLY_TABLE_NAME"), env.get("TALLY_EVENTS_QUEUE_URL"),
                optional(env, "TALLY_DYNAMODB_ENDPOINT").map(URI::create),
                optional(env, "TALLY_SQS_ENDPOINT").map(URI::create), env.getOrDefault("AWS_REGION", "us-east-1"),
                optional(env, ORIGINATION_IDENTITY), optional(env, CONFIGURATION_SET),
                optional(env, SMS_ENDPOINT).map(URI::create), optional(env, CAPTURE_FILE).map(Path::of));
    }
}
