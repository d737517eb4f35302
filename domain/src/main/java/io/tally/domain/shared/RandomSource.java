package io.tally.domain.shared;

/**
 * Where randomness comes from (card numbers, PINs, secrets, salts). A port so that tests are
 * repeatable and so that nothing random is created while a Lambda snapshot is taken.
 */
public interface RandomSource {
    /** Fills {@code bytes} with unpredictable bytes (a CSPRNG in production). */
    void nextBytes(byte[] bytes);

    /** A uniformly distributed int in {@code [0, bound)}. */
    default int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        byte[] b = new byte[4];
        int limit = Integer.MAX_VALUE - (Integer.MAX_VALUE % bound);
        while (true) {
            nextBytes(b);
            int r = ((b[0] & 0x7f) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
            if (r < limit) {
                return r % bound;
            }
        }
    }
}
