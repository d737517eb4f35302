package io.tally.domain.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals text that must rest in storage without being readable there (an answer that holds a card's PIN, the PIN an
 * allocation in progress has chosen): AES-256-GCM, an authenticated encryption, with a key derived from the stack's
 * configured secret, a random 96-bit nonce per seal, and the record's identity as associated data so a sealed value
 * moved to another record does not open. Sealed text is {@code s1.} followed by base64url(nonce, ciphertext, tag).
 */
public final class Sealer {
    private static final String PREFIX = "s1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final RandomSource random;

    /** {@code secret}: the configured secret text (at least 32 characters); the key is its SHA-256 under a label. */
    public Sealer(String secret, RandomSource random) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length() < 32) {
            throw new IllegalArgumentException("the sealing secret must be at least 32 characters");
        }
        this.key = new SecretKeySpec(sha256("tally-seal-v1:" + secret), "AES");
        this.random = Objects.requireNonNull(random, "random");
    }

    public String seal(String plaintext, String associated) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The plaintext; throws {@link IllegalArgumentException} for text not sealed here, with this key and record. */
    public String open(String sealed, String associated) {
        if (!isSealed(sealed)) {
            throw new IllegalArgumentException("not sealed text");
        }
        byte[] in;
        try {
            in = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not sealed text", e);
        }
        if (in.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("sealed text too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException tampered) {
            throw new IllegalArgumentException("sealed text does not open with this key and record", tampered);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public static boolean isSealed(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
