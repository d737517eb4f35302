package io.tally.local.http;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/** X-Ray style trace ids, {@code Root=1-<epoch seconds, 8 hex>-<96 random bits, 24 hex>}, as API Gateway adds them. */
final class TraceIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TraceIds() {
    }

    static String next(Instant now) {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        return "Root=1-" + String.format("%08x", now.getEpochSecond()) + "-" + HexFormat.of().formatHex(random);
    }
}
