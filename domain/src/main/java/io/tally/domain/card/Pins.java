package io.tally.domain.card;

import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.SecretHasher;

/** Card PINs: generated from the RandomSource, shown once, stored only as a slow salted hash. */
public final class Pins {
    public static final int DEFAULT_DIGITS = 4;
    public static final int MAX_DIGITS = 12;
    private static final int SALT_BYTES = 16;

    private Pins() {
    }

    public static String generate(RandomSource random, int digits) {
        if (digits < DEFAULT_DIGITS || digits > MAX_DIGITS) {
            throw new IllegalArgumentException("PINs are " + DEFAULT_DIGITS + "-" + MAX_DIGITS + " digits");
        }
        StringBuilder pin = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            pin.append((char) ('0' + random.nextInt(10)));
        }
        return pin.toString();
    }

    public static String hash(String pin, RandomSource random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return SecretHasher.hashPin(pin, salt);
    }

    /** True if the card has a PIN and the candidate matches it. A card without a PIN never matches. */
    public static boolean matches(Card card, String candidate) {
        return card.pinHash().map(h -> SecretHasher.matches(candidate, h)).orElse(false);
    }
}
