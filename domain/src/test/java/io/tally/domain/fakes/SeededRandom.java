package io.tally.domain.fakes;

import io.tally.domain.shared.RandomSource;
import java.util.Random;

/** A repeatable {@link RandomSource} for tests; thread-safe. Never use it outside tests. */
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
