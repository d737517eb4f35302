package io.tally.lambda.http;

import io.tally.domain.shared.RandomSource;

/** Fresh random (version 4) UUIDs for {@code requestRef}, drawn per request, never during init. */
public final class RequestRefs {
    private final RandomSource random;

    public RequestRefs(RandomSource random) {
        this.random = random;
    }

    public String next() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        StringBuilder s = new StringBuilder(36);
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                s.append('-');
            }
            s.append(Character.forDigit((b[i] >> 4) & 0xf, 16)).append(Character.forDigit(b[i] & 0xf, 16));
        }
        return s.toString();
    }
}
