package io.tally.domain.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tamper-proof, expiring tokens for links in emails, CSRF tokens and challenges: {@code payload.expiry.mac},
 * HMAC-SHA256 under a secret from configuration (never generated at init: a SnapStart snapshot would
 * share it). A {@code purpose} is mixed into the MAC so a token minted for one use is useless for another.
 */
public final class SignedTokens {
    public static final int MIN_SECRET_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getUrlDecoder();
    private final byte[] secret;

    public SignedTokens(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("signing secrets are at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.secret = secret.clone();
    }

    /** From configuration text (e.g. an environment variable): at least 32 characters. */
    public static SignedTokens fromText(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the signing secret must be at least " + MIN_SECRET_BYTES + " characters");
        }
        return new SignedTokens(secret.getBytes(StandardCharsets.UTF_8));
    }

    public String sign(String purpose, String payload, Instant expires) {
        String body = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + expires.getEpochSecond();
        return body + "." + mac(purpose, body);
    }

    /** The payload if the token is intact, for this purpose, and not expired at {@code now}. */
    public Optional<String> verify(String purpose, String token, Instant now) {
        Check check = check(purpose, token, now);
        return check.status() == Status.VALID ? check.payload() : Optional.empty();
    }

    /** What a token is: intact and current, intact but expired (payload given: the MAC vouches for it), or not ours. */
    public enum Status { VALID, EXPIRED, INVALID }

    public record Check(Status status, Optional<String> payload) {
        static final Check INVALID = new Check(Status.INVALID, Optional.empty());
    }

    /** Like {@link #verify}, telling an expired token from a tampered one (a page can then say which). */
    public Check check(String purpose, String token, Instant now) {
        if (token == null || token.length() > 4096) {
            return Check.INVALID;
        }
        int last = token.lastIndexOf('.');
        if (last < 0) {
            return Check.INVALID;
        }
        String body = token.substring(0, last);
        byte[] expected = mac(purpose, body).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Check.INVALID;
        }
        int dot = body.indexOf('.');
        try {
            long expiry = Long.parseLong(body.substring(dot + 1));
            String payload = new String(D64.decode(body.substring(0, dot)), StandardCharsets.UTF_8);
            return new Check(now.getEpochSecond() > expiry ? Status.EXPIRED : Status.VALID, Optional.of(payload));
        } catch (IllegalArgumentException | IndexOutOfBoundsException malformed) {
            return Check.INVALID;
        }
    }

    /** A keyed digest (for deriving values such as a session's CSRF token, or hashing client addresses). */
    public String mac(String purpose, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return B64.encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
