package io.tally.lambda.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of(Settings.TABLE_NAME, "t", Settings.EVENTS_QUEUE_URL, "http://q"));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void theAuthenticationCacheLastsSixtySecondsUnlessConfigured() {
        assertEquals(Duration.ofSeconds(60), Settings.fromEnvironment(env()).authCacheTtl());
        assertEquals(Duration.ofSeconds(5), Settings.fromEnvironment(env(Settings.AUTH_CACHE_TTL, "5")).authCacheTtl());
        assertEquals(Duration.ZERO, Settings.fromEnvironment(env(Settings.AUTH_CACHE_TTL, "0")).authCacheTtl());
        assertEquals(Duration.ofSeconds(300), Settings.fromEnvironment(env(Settings.AUTH_CACHE_TTL, "300")).authCacheTtl());
    }

    @Test
    void optionalSettingsAreAbsentWhenMissingOrBlankAndReadWhenGiven() {
        Settings none = Settings.fromEnvironment(env(Settings.DYNAMODB_ENDPOINT, " ", Settings.SEAL_SECRET, ""));
        assertEquals(Optional.empty(), none.dynamoEndpoint());
        assertEquals(Optional.empty(), none.sqsEndpoint());
        assertEquals(Optional.empty(), none.sealSecret());
        assertEquals(Optional.empty(), none.couponLoadsQueueUrl());
        Settings given = Settings.fromEnvironment(env(Settings.DYNAMODB_ENDPOINT, "http://127.0.0.1:8000",
                Settings.SQS_ENDPOINT, "http://127.0.0.1:9324", Settings.SEAL_SECRET, "a-seal-secret-of-thirty-two-characters",
                Settings.COUPON_LOADS_QUEUE_URL, "http://q/loads", Settings.EVALUATIONS_QUEUE_URL, "http://q/evals",
                Settings.MAILINGS_QUEUE_URL, "http://q/mail"));
        assertEquals(Optional.of(URI.create("http://127.0.0.1:8000")), given.dynamoEndpoint());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:9324")), given.sqsEndpoint());
        assertEquals(Optional.of("a-seal-secret-of-thirty-two-characters"), given.sealSecret());
        assertEquals(Optional.of("http://q/loads"), given.couponLoadsQueueUrl());
        assertEquals(Optional.of("http://q/evals"), given.evaluationsQueueUrl());
        assertEquals(Optional.of("http://q/mail"), given.mailingsQueueUrl());
    }

    @Test
    void theRevocationWindowIsBounded() {
        assertThrows(IllegalArgumentException.class, () -> Settings.fromEnvironment(env(Settings.AUTH_CACHE_TTL, "301")));
        assertThrows(IllegalArgumentException.class, () -> Settings.fromEnvironment(env(Settings.AUTH_CACHE_TTL, "-1")));
    }

    @Test
    void theLocalRuntimeCachesNoAuthentication() {
        Settings local = Settings.local("t", "http://q", URI.create("http://127.0.0.1:1"), URI.create("http://127.0.0.1:2"));
        assertEquals(Duration.ZERO, local.authCacheTtl());
        assertEquals(Duration.ofSeconds(7), local.withAuthCacheTtl(Duration.ofSeconds(7)).authCacheTtl());
        assertEquals(Duration.ZERO, local.withAuthCacheTtl(Duration.ofSeconds(7)).withRequestLog(false)
                .withRateLimit(1, 1).withCatalogueTtl(Duration.ofSeconds(1)).withAuthCacheTtl(Duration.ZERO).authCacheTtl());
        assertEquals(Duration.ofSeconds(7), local.withAuthCacheTtl(Duration.ofSeconds(7)).withRequestLog(false)
                .withRateLimit(1, 1).withCatalogueTtl(Duration.ofSeconds(1)).authCacheTtl(), "the other withers keep it");
    }
}
