package io.tally.domain.model;

import java.time.Duration;
import java.util.List;

/**
 * Where a call dies and when it is retried, decoded from {@link Step#fault()}: the first attempt dies right after
 * its {@code firstCrashAfter}-th write (ledger or coupon; 0: it does not die), the retry after its
 * {@code retryCrashAfter}-th, and each retry comes {@code retryDelay} later (a till retrying at once, a second later,
 * or an hour later, when an expiry or lapse may have come in between). {@code abandoned}: a checkout, completion or
 * void whose first attempt died is never retried (the till gave up); if it had committed, the event consumer
 * finishes what follows the commit.
 */
record FaultPlan(int firstCrashAfter, int retryCrashAfter, Duration retryDelay, boolean abandoned) {
    static final List<Duration> DELAYS = List.of(Duration.ZERO, Duration.ZERO, Duration.ofMillis(1), Duration.ofSeconds(1),
            Duration.ofMinutes(10), Duration.ofHours(1));
    static final int CODES = 4 * 3 * DELAYS.size() * 2;
    static final FaultPlan NONE = new FaultPlan(0, 0, Duration.ZERO, false);

    static FaultPlan of(int code) {
        return new FaultPlan(code % 4, code / 4 % 3, DELAYS.get(code / 12 % DELAYS.size()),
                code / (12 * DELAYS.size()) % 2 == 1);
    }

    /** The write after which attempt {@code n} (0 = the first) dies, 0 for none. */
    int crashAfter(int attempt) {
        return attempt == 0 ? firstCrashAfter : attempt == 1 ? retryCrashAfter : 0;
    }
}
