package io.tally.domain.member;

import java.time.Instant;

/**
 * Counts attempts in fixed time windows: wrong PINs per card number, balance checks and failures per client.
 * The lockout and the rate limit read these counts, so they hold across every Lambda instance.
 * Counters disappear on their own after {@code expiresAt} (DynamoDB TTL).
 */
public interface AttemptCounterPort {
    /** Adds one and returns the new count of the window. */
    long increment(String counter, Instant windowStart, Instant expiresAt);

    /** The current count of the window (0 if none). */
    long count(String counter, Instant windowStart);

    /** Forgets the window (a right PIN clears the card's wrong-PIN count). */
    void reset(String counter, Instant windowStart);
}
