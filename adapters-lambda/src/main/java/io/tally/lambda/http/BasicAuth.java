package io.tally.lambda.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Reads {@code Authorization: Basic base64(key:secret)}; anything else is absent. */
final class BasicAuth {
    private BasicAuth() {
    }

    record KeyAndSecret(String key, String secret) {
        @Override
        public String toString() {
            return "KeyAndSecret[" + key + "]";
        }
    }

    static Optional<KeyAndSecret> parse(String header) {
        if (header == null || header.length() > 1024) {
            return Optional.empty();
        }
        String h = header.trim();
        if (h.length() < 6 || !h.substring(0, 6).equalsIgnoreCase("basic ")) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return Optional.of(new KeyAndSecret(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }
}
