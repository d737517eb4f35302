package io.tally.backoffice.wiring;

import io.tally.domain.shared.RandomSource;
import java.security.SecureRandom;

/**
 * The back office's CSPRNG, created when first asked for bytes (the holder class loads then), never during init:
 * SnapStart would clone a generator seeded at init into every instance.
 */
final class FirstUseRandom implements RandomSource {
    private static final class Holder {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    @Override
    public void nextBytes(byte[] bytes) {
        Holder.RANDOM.nextBytes(bytes);
    }
}
