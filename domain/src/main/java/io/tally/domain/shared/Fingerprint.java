package io.tally.domain.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short stable digest of a request's meaning, so that a repeated customRequestId can be told apart
 * from a reused one without storing the request itself. Parts are joined with a separator that cannot
 * occur in them unescaped, so {@code ("ab","c")} and {@code ("a","bc")} differ.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    public static String of(Object... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                String text = String.valueOf(part).replace("\\", "\\\\").replace("|", "\\|");
                md.update(text.getBytes(StandardCharsets.UTF_8));
                md.update((byte) '|');
            }
            return HexFormat.of().formatHex(md.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
