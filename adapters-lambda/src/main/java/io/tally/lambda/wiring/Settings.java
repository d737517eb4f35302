package io.tally.lambda.wiring;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration of a Tally container. On Lambda it comes from environment variables set by the CDK
 * stack; the local runtime and tests build it directly. Endpoints are set only off AWS (dynalite, ElasticMQ).
 */
public record Settings(String tableName, String eventsQueueUrl, Optional<URI> dynamoEndpoint, Optional<URI> sqsEndpoint,
                       String region, boolean requestLog, double rateLimitPerKey, int rateBurstPerKey) {
    public static final String TABLE_NAME = "TALLY_TABLE_NAME";
    public static final String EVENTS_QUEUE_URL = "TALLY_EVENTS_QUEUE_URL";
    public static final String DYNAMODB_ENDPOINT = "TALLY_DYNAMODB_ENDPOINT";
    public static final String SQS_ENDPOINT = "TALLY_SQS_ENDPOINT";
    public static final String REQUEST_LOG = "TALLY_REQUEST_LOG";
    /** Sustained merchant calls per second per API key (per container), and the burst above it. */
    public static final String RATE_LIMIT = "TALLY_RATE_LIMIT_PER_KEY";
    public static final String RATE_BURST = "TALLY_RATE_BURST_PER_KEY";
    public static final double DEFAULT_RATE_LIMIT = 100;
    public static final int DEFAULT_RATE_BURST = 200;

    public Settings {
        if (tableName == null || tableName.isBlank()) {
            throw new IllegalArgumentException(TABLE_NAME + " is not set");
        }
        if (eventsQueueUrl == null || eventsQueueUrl.isBlank()) {
            throw new IllegalArgumentException(EVENTS_QUEUE_URL + " is not set");
        }
    }

    /** True when talking to local protocol servers rather than AWS. */
    public boolean local() {
        return dynamoEndpoint.isPresent() || sqsEndpoint.isPresent();
    }

    public static Settings fromEnvironment(Map<String, String> env) {
        return new Settings(env.get(TABLE_NAME), env.get(EVENTS_QUEUE_URL),
                Optional.ofNullable(env.get(DYNAMODB_ENDPOINT)).filter(s -> !s.isBlank()).map(URI::create),
                Optional.ofNullable(env.get(SQS_ENDPOINT)).filter(s -> !s.isBlank()).map(URI::create),
                env.getOrDefault("AWS_REGION", "us-east-1"),
                !"false".equalsIgnoreCase(env.getOrDefault(REQUEST_LOG, "true")),
                Double.parseDouble(env.getOrDefault(RATE_LIMIT, Double.toString(DEFAULT_RATE_LIMIT))),
                Integer.parseInt(env.getOrDefault(RATE_BURST, Integer.toString(DEFAULT_RATE_BURST))));
    }

    public static Settings local(String tableName, String eventsQueueUrl, URI dynamoEndpoint, URI sqsEndpoint) {
        return new Settings(tableName, eventsQueueUrl, Optional.of(dynamoEndpoint), Optional.of(sqsEndpoint),
                "us-east-1", true, DEFAULT_RATE_LIMIT, DEFAULT_RATE_BURST);
    }

    public Settings withRequestLog(boolean on) {
        return new Settings(tableName, eventsQueueUrl, dynamoEndpoint, sqsEndpoint, region, on, rateLimitPerKey,
                rateBurstPerKey);
    }

    public Settings withRateLimit(double perSecond, int burst) {
        return new Settings(tableName, eventsQueueUrl, dynamoEndpoint, sqsEndpoint, region, requestLog, perSecond, burst);
    }
}
