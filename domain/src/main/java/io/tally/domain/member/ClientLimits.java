package io.tally.domain.member;

import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.time.Instant;

/**
 * A per-client budget for actions that cost the brand something even when they succeed (an enrollment allocates a
 * card and sends an e-mail), so a script cannot sign up thousands of addresses from one connection.
 */
public final class ClientLimits {
    public static final int MAX_ENROLLMENTS_PER_CLIENT = 10;
    private final AttemptCounterPort counters;
    private final Clock clock;

    public ClientLimits(AttemptCounterPort counters, Clock clock) {
        this.counters = counters;
        this.clock = clock;
    }

    /** Counts one enrollment attempt; false once the client is over its budget for the window. */
    public boolean allowEnrollment(BrandId brand, String client) {
        long seconds = VerifyCardUseCase.WINDOW.getSeconds();
        Instant window = Instant.ofEpochSecond(clock.instant().getEpochSecond() / seconds * seconds);
        return counters.increment("enroll#" + brand.value() + "#" + client, window,
                window.plus(VerifyCardUseCase.WINDOW).plus(VerifyCardUseCase.WINDOW)) <= MAX_ENROLLMENTS_PER_CLIENT;
    }
}
