package io.tally.domain.shared;

/**
 * How long to wait before retrying a write that lost a race. A port so that tests run instantly and
 * production spreads retries out (full jitter) instead of retrying in lock step.
 */
@FunctionalInterface
public interface Backoff {
    /** Retries immediately: for tests and for callers that must not block. */
    Backoff NONE = attempt -> {
    };

    /** Waits before retry number {@code attempt} (1 for the first retry). */
    void pause(int attempt);

    /**
     * Full jitter: a uniformly random wait in {@code [0, min(capMillis, baseMillis * 2^attempt)]}.
     *
     * @param sleeper how to wait (production: {@code Thread::sleep}); tests pass a recorder
     */
    static Backoff jittered(RandomSource random, long baseMillis, long capMillis, Sleeper sleeper) {
        if (baseMillis < 1 || capMillis < baseMillis) {
            throw new IllegalArgumentException("need 1 <= base <= cap");
        }
        return attempt -> {
            long ceiling = Math.min(capMillis, baseMillis << Math.min(attempt, 20));
            sleeper.sleep(random.nextInt((int) Math.min(Integer.MAX_VALUE, ceiling + 1)));
        };
    }

    /** Blocks the current thread; an interrupt is an infrastructure fault. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis);

        Sleeper THREAD = millis -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while backing off", e);
            }
        };
    }
}
