package io.tally.domain.fakes;

import io.tally.domain.shared.RandomSource;
import java.util.Random;

/** Repeatable randomness for tests. Thread-safe (java.util.Random is). */
public final class SeededRandom implements RandomSource {
    private final Random random;

    public SeededRandom(long seed) {
        this.random = new Random(seed);
    }

    public long nextLong() {
        return random.nextLong();
    }

    @Override
    public void nextBytes(byte[] bytes) {
        random.nextBytes(bytes);
    }
}
