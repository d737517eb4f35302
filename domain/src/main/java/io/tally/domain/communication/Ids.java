package io.tally.domain.communication;

import io.tally.domain.shared.RandomSource;
import java.util.HexFormat;

/** Ids of templates, test lists and sends: 16 hex digits drawn when created (64 bits: ids are per brand and few). */
public final class Ids {
    private Ids() {
    }

    public static String next(RandomSource random) {
        byte[] b = new byte[8];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
