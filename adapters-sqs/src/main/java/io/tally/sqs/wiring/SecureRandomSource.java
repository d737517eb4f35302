package io.tally.sqs.wiring;

import io.tally.domain.shared.RandomSource;
import java.security.SecureRandom;

/**
 * The production {@link RandomSource} of every Lambda front. The generator is created on first use, not during init, so a
 * SnapStart snapshot never carries random state into the instances restored from it.
 */
public final class SecureRandomSource implements RandomSource {
    private volatile SecureRandom random;

    @Override
    public void nextBytes(byte[] bytes) {
        SecureRandom r = random;
        if (r == null) {
            synchronized (this) {
                if (random == null) {
                    random = new SecureRandom();
                }
                r = random;
            }
        }
        r.nextBytes(bytes);
    }

    /**
     * Drops the generator, so the next draw creates a fresh one. SnapStart priming calls this before the
     * snapshot: a generator seeded before it would be cloned into every restored instance.
     */
    public synchronized void forget() {
        random = null;
    }

    /** True once a generator exists (tests of the priming path). */
    public boolean created() {
        return random != null;
    }
}
