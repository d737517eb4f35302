package io.tally.lambda.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per API key: {@code ratePerSecond} sustained, {@code burst} at once; a caller over
 * the limit gets HTTP 429 with the envelope. The buckets live in the process, so on Lambda this
 * bounds what one key can do through one container; the HTTP API's stage throttling (infra-cdk)
 * bounds the whole stage.
 */
public final class RateLimiter {
    /** More keys than this and the oldest buckets are forgotten (a forgotten key starts full). */
    private static final int MAX_KEYS = 10_000;

    private final double ratePerNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double ratePerSecond, int burst, LongSupplier nanoTime) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** True if the key may make one more call now (and counts it). */
    public boolean tryAcquire(String key) {
        if (buckets.size() > MAX_KEYS) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, nanoTime.getAsLong())).take(ratePerNano, burst, nanoTime);
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized boolean take(double ratePerNano, double burst, LongSupplier nanoTime) {
            long now = nanoTime.getAsLong();
            tokens = Math.min(burst, tokens + (now - refilledAt) * ratePerNano);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
