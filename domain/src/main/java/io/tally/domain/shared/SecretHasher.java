package io.tally.domain.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes secrets so that only hashes are ever stored. Two strengths:
 * API secrets are 256-bit random values, for which one salted SHA-256 is as strong as the secret
 * itself and cheap on every request; PINs and passwords are short and guessable, so they get
 * PBKDF2 (slow on purpose). The stored form names its scheme, so strengths can change later.
 */
public final class SecretHasher {
    private static final int PBKDF2_ITERATIONS = 20_000;

    private SecretHasher() {
    }

    /** {@code sha256$salt$hash} for a high-entropy secret. */
    public static String hashSecret(String secret, byte[] salt) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt);
            byte[] h = md.digest(secret.getBytes(StandardCharsets.UTF_8));
            return "sha256$" + b64(salt) + "$" + b64(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code pbkdf2$iterations$salt$hash} for a PIN or password. */
    public static String hashPin(String pin, byte[] salt) {
        return "pbkdf2$" + PBKDF2_ITERATIONS + "$" + b64(salt) + "$" + b64(pbkdf2(pin, salt, PBKDF2_ITERATIONS));
    }

    /** Constant-time check of a candidate against a stored hash of either scheme. */
    public static boolean matches(String candidate, String stored) {
        if (candidate == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        byte[] expected;
        byte[] actual;
        if (parts.length == 3 && parts[0].equals("sha256")) {
            byte[] salt = unb64(parts[1]);
            expected = unb64(parts[2]);
            actual = unb64(hashSecret(candidate, salt).split("\\$")[2]);
        } else if (parts.length == 4 && parts[0].equals("pbkdf2")) {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = unb64(parts[2]);
            expected = unb64(parts[3]);
            actual = pbkdf2(candidate, salt, iterations);
        } else {
            return false;
        }
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] pbkdf2(String pin, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(pin.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static byte[] unb64(String s) {
        return Base64.getUrlDecoder().decode(s);
    }
}
