package io.tally.domain.shared;

import java.util.Objects;

/** How many times a use case tries a conditional write before answering CONTENDED, and how it waits between tries. */
public record RetryPolicy(int maxAttempts, Backoff backoff) {
    /** Upper bound: a request must finish within an HTTP timeout, so retries stay few. */
    public static final int MAX_ATTEMPTS_LIMIT = 50;

    public RetryPolicy {
        Objects.requireNonNull(backoff, "backoff");
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
            throw new IllegalArgumentException("maxAttempts must be 1-" + MAX_ATTEMPTS_LIMIT);
        }
    }

    public static RetryPolicy of(int maxAttempts, Backoff backoff) {
        return new RetryPolicy(maxAttempts, backoff);
    }
}
