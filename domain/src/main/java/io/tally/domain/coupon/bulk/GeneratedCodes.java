package io.tally.domain.coupon.bulk;

import io.tally.domain.coupon.CouponCode;
import io.tally.domain.shared.RandomSource;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Unguessable coupon codes: {@code PREFIX} + {@value #LENGTH} characters of an alphabet without the look-alikes 0/O
 * and 1/I. Each code is HMAC-SHA256(job secret, chunk, index), so a redelivered chunk makes exactly the same codes,
 * and nobody without the secret can tell the next code from the ones they have: 32^12 = 2^60 codes per prefix.
 */
public final class GeneratedCodes {
    public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public static final int LENGTH = 12;
    /** A prefix leaves room for the random part within a code's 64 characters. */
    public static final int MAX_PREFIX = 64 - LENGTH;
    private static final Pattern PREFIX = Pattern.compile("([A-Z0-9][A-Z0-9_\\-]*)?");
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;
    private final String prefix;

    public GeneratedCodes(String secret, String prefix) {
        this.key = new SecretKeySpec(Base64.getUrlDecoder().decode(secret), HMAC);
        if (!validPrefix(prefix)) {
            throw new IllegalArgumentException("bad prefix");
        }
        this.prefix = prefix;
    }

    /** Upper-case letters, digits, '-' and '_', starting with a letter or digit, at most {@value #MAX_PREFIX}; may be empty. */
    public static boolean validPrefix(String prefix) {
        return prefix != null && prefix.length() <= MAX_PREFIX && PREFIX.matcher(prefix).matches();
    }

    /** A new job secret: 32 random bytes, base64url. */
    public static String newSecret(RandomSource random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The code at {@code index} of {@code chunk}: the same every time for the same secret and prefix. */
    public CouponCode code(int chunk, int index) {
        byte[] mac = mac(ByteBuffer.allocate(8).putInt(chunk).putInt(index).array());
        long bits = ByteBuffer.wrap(mac).getLong();
        char[] out = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            out[i] = ALPHABET.charAt((int) (bits & 31));
            bits >>>= 5;
        }
        return new CouponCode(prefix + new String(out));
    }

    private byte[] mac(byte[] message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(message);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("bad job secret", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(HMAC + " is missing from this JDK", e);
        }
    }
}
