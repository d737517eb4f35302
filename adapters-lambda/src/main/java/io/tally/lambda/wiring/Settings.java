package io.tally.lambda.wiring;

import io.tally.sqs.wiring.ContainerSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration of a Tally container. On Lambda it comes from environment variables set by the CDK
 * stack; the local runtime and tests build it directly. Endpoints are set only off AWS (dynalite, ElasticMQ).
 */
public record Settings(String tableName, String eventsQueueUrl, Optional<URI> dynamoEndpoint, Optional<URI> sqsEndpoint,
                       String region, boolean requestLog, double rateLimitPerKey, int rateBurstPerKey,
                       Duration catalogueTtl, Duration authCacheTtl, Optional<String> sealSecret,
                       Optional<String> couponLoadsQueueUrl, Optional<String> evaluationsQueueUrl,
                       Optional<String> mailingsQueueUrl) {
    public static final String TABLE_NAME = "TALLY_TABLE_NAME";
    public static final String EVENTS_QUEUE_URL = "TALLY_EVENTS_QUEUE_URL";
    /** The coupon-load queue (QueueId.COUPON_LOADS); only coupon bulk loads need it. */
    public static final String COUPON_LOADS_QUEUE_URL = "TALLY_COUPON_LOADS_QUEUE_URL";
    /** QueueId.SEGMENT_EVALUATIONS' URL: the daily segment evaluations queue each run's first page there. */
    public static final String EVALUATIONS_QUEUE_URL = "TALLY_SEGMENT_EVALUATIONS_QUEUE_URL";
    /** QueueId.MAILINGS' URL: the scheduled sends job queues a due send's first page there. */
    public static final String MAILINGS_QUEUE_URL = "TALLY_MAILINGS_QUEUE_URL";
    public static final String DYNAMODB_ENDPOINT = "TALLY_DYNAMODB_ENDPOINT";
    public static final String SQS_ENDPOINT = "TALLY_SQS_ENDPOINT";
    public static final String REQUEST_LOG = "TALLY_REQUEST_LOG";
    /** Sustained merchant calls per second per API key (per container), and the burst above it. */
    public static final String RATE_LIMIT = "TALLY_RATE_LIMIT_PER_KEY";
    public static final String RATE_BURST = "TALLY_RATE_BURST_PER_KEY";
    /** How long a container may serve a brand's catalogue from memory (0 = read it on every use). */
    public static final String CATALOGUE_TTL = "TALLY_CATALOGUE_TTL_SECONDS";
    public static final Duration DEFAULT_CATALOGUE_TTL = Duration.ofSeconds(10);
    /**
     * How long a container may authenticate merchant calls from the records it loaded (0 = read them on every call):
     * the revocation window. At most 300 s, the default TTL of API Gateway's authorizer cache.
     */
    public static final String AUTH_CACHE_TTL = "TALLY_AUTH_CACHE_TTL_SECONDS";
    public static final Duration DEFAULT_AUTH_CACHE_TTL = Duration.ofSeconds(60);
    /**
     * The stack's secret that seals what rests in storage but must not be readable there (a replayed answer holding a
     * PIN): generated once per stack in Secrets Manager, at least 32 characters.
     */
    public static final String SEAL_SECRET = "TALLY_SEAL_SECRET";
    /** The local runtime's and the tests' sealing secret: public, so never for a deployed stack. */
    public static final String LOCAL_SEAL_SECRET = "local-only-sealing-secret-not-for-production-use";
    public static final double DEFAULT_RATE_LIMIT = 100;
    public static final int DEFAULT_RATE_BURST = 200;

    public Settings {
        if (tableName == null || tableName.isBlank()) {
            throw new IllegalArgumentException(TABLE_NAME + " is not set");
        }
        if (eventsQueueUrl == null || eventsQueueUrl.isBlank()) {
            throw new IllegalArgumentException(EVENTS_QUEUE_URL + " is not set");
        }
        if (catalogueTtl == null || catalogueTtl.isNegative() || catalogueTtl.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException(CATALOGUE_TTL + " must be 0-600 seconds");
        }
        if (authCacheTtl == null || authCacheTtl.isNegative() || authCacheTtl.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException(AUTH_CACHE_TTL + " must be 0-300 seconds");
        }
        Objects.requireNonNull(sealSecret, "sealSecret");
        if (sealSecret.isPresent() && sealSecret.get().length() < 32) {
            throw new IllegalArgumentException(SEAL_SECRET + " must be at least 32 characters");
        }
        Objects.requireNonNull(couponLoadsQueueUrl, "couponLoadsQueueUrl");
        Objects.requireNonNull(evaluationsQueueUrl, "evaluationsQueueUrl");
        Objects.requireNonNull(mailingsQueueUrl, "mailingsQueueUrl");
    }

    /** The mailings queue's URL; only the scheduled sends job needs it. */
    public String requireMailingsQueueUrl() {
        return mailingsQueueUrl.orElseThrow(() -> new IllegalStateException(MAILINGS_QUEUE_URL + " is not set"));
    }

    public Settings withMailingsQueueUrl(String url) {
        return new Settings(tableName, eventsQueueUrl, dynamoEndpoint, sqsEndpoint, region, requestLog, rateLimitPerKey,
                rateBurstPerKey, catalogueTtl, authCacheTtl, sealSecret, couponLoadsQueueUrl, evaluationsQueueUrl,
                Optional.of(url));
    }

    /** The segment evaluations queue's URL; only the daily segment evaluations need it. */
    public String requireEvaluationsQueueUrl() {
        return evaluationsQueueUrl.orElseThrow(() -> new IllegalStateException(EVALUATIONS_QUEUE_URL + " is not set"));
    }

    /** The coupon-load queue's URL; only coupon bulk loads need it. */
    public String requireCouponLoadsQueueUrl() {
        return couponLoadsQueueUrl.orElseThrow(() -> new IllegalStateException(COUPON_LOADS_QUEUE_URL + " is not set"));
    }

    /** The sealing secret; only the merchant API needs it (the operator command line does not). */
    public String requireSealSecret() {
        return sealSecret.orElseThrow(() -> new IllegalStateException(SEAL_SECRET + " is not set"));
    }

    /** True when talking to local protocol servers rather than AWS. */
    public boolean local() {
        return container().local();
    }

    /** What the shared plumbing (adapters-sqs) needs: endpoints and the events queue; no e-mail queue. */
    public ContainerSettings container() {
        return new ContainerSettings(region, dynamoEndpoint, sqsEndpoint, eventsQueueUrl, Optional.empty());
    }

    public static Settings fromEnvironment(Map<String, String> env) {
        return new Settings(env.get(TABLE_NAME), env.get(EVENTS_QUEUE_URL),
                uri(env.get(DYNAMODB_ENDPOINT)),
                uri(env.get(SQS_ENDPOINT)),
                env.getOrDefault("AWS_REGION", "us-east-1"),
                !"false".equalsIgnoreCase(env.getOrDefault(REQUEST_LOG, "true")),
                Double.parseDouble(env.getOrDefault(RATE_LIMIT, Double.toString(DEFAULT_RATE_LIMIT))),
                Integer.parseInt(env.getOrDefault(RATE_BURST, Integer.toString(DEFAULT_RATE_BURST))),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault(CATALOGUE_TTL,
                        Long.toString(DEFAULT_CATALOGUE_TTL.toSeconds())))),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault(AUTH_CACHE_TTL,
                        Long.toString(DEFAULT_AUTH_CACHE_TTL.toSeconds())))),
                nonBlank(env.get(SEAL_SECRET)),
                nonBlank(env.get(COUPON_LOADS_QUEUE_URL)),
                nonBlank(env.get(EVALUATIONS_QUEUE_URL)),
                nonBlank(env.get(MAILINGS_QUEUE_URL)));
    }

    /** A setting given and not blank. No lambdas here: a cold start reads the settings before init's second thread starts. */
    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<URI> uri(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(URI.create(value));
    }

    /**
     * For the local runtime and tests: no catalogue or authentication caching, so a seed applied is read back at once
     * and a key revoked stops working at once.
     */
    public static Settings local(String tableName, String eventsQueueUrl, URI dynamoEndpoint, URI sqsEndpoint) {
        return new Settings(tableName, eventsQueueUrl, Optional.of(dynamoEndpoint), Optional.of(sqsEndpoint),
                "us-east-1", true, DEFAULT_RATE_LIMIT, DEFAULT_RATE_BURST, Duration.ZERO, Duration.ZERO,
                Optional.of(LOCAL_SEAL_SECRET), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Settings withRequestLog(boolean on) {
        return new Settings(tableName, eventsQueueUrl, dynamoEndpoint, sqsEndpoint, region, on, rateLimitPerKey,
                rateBurstPerKey, catalogueTtl, authCacheTtl, sealSecret, couponLoadsQueueUrl,
                evaluationsQueueUrl, mailingsQueueUrl);
    }

    public Settings withCouponLoadsQueueUrl(String url) {
        return new Settings(tableName, eventsQueueUrl, dynamoEndpoint, sqsEndpoint, region, requestLog, rateLimitPerKey,
                rateBurstPerKey, catalogueTtl, authCacheTtl, sealSecret, Optional.of(url), evaluationsQueueUrl,
                mailingsQueueUrl);
    }

    public Settings withEvaluationsQueueUrl(String url) {
        return new Settings(tableName, eventsQueueUrl, dynamoEndpoint, sqsEndpoint, region, requestLog, rateLimitPerKey,
                rateBurstPerKey, catalogueTtl, authCacheTtl, sealSecret, couponLoadsQueueUrl, Optional.of(url),
                mailingsQueueUrl);
    }

    public Settings withRateLimit(double perSecond, int burst) {
        return new Settings(tableName, eventsQueueUrl, dynamoEndpoint, sqsEndpoint, region, requestLog, perSecond, burst,
                catalogueTtl, authCacheTtl, sealSecret, couponLoadsQueueUrl,
                evaluationsQueueUrl, mailingsQueueUrl);
    }

    public Settings withCatalogueTtl(Duration ttl) {
        return new Settings(tableName, eventsQueueUrl, dynamoEndpoint, sqsEndpoint, region, requestLog, rateLimitPerKey,
                rateBurstPerKey, ttl, authCacheTtl, sealSecret, couponLoadsQueueUrl,
                evaluationsQueueUrl, mailingsQueueUrl);
    }

    public Settings withAuthCacheTtl(Duration ttl) {
        return new Settings(tableName, eventsQueueUrl, dynamoEndpoint, sqsEndpoint, region, requestLog, rateLimitPerKey,
                rateBurstPerKey, catalogueTtl, ttl, sealSecret, couponLoadsQueueUrl,
                evaluationsQueueUrl, mailingsQueueUrl);
    }
}
