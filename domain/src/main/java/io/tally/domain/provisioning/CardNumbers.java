package io.tally.domain.provisioning;

import io.tally.domain.program.CardSet;
import io.tally.domain.shared.RandomSource;

/**
 * Draws card numbers for a card set: its prefix, random digits (never sequential, so numbers
 * cannot be guessed from one another), and a Luhn check digit so that typos are caught at once.
 */
public final class CardNumbers {
    private CardNumbers() {
    }

    public static String draw(CardSet set, RandomSource random) {
        StringBuilder digits = new StringBuilder(set.cardNumberPrefix());
        while (digits.length() < set.cardNumberLength() - 1) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        digits.append(luhnCheckDigit(digits));
        return digits.toString();
    }

    /** The digit that makes {@code payload + digit} pass the Luhn check. */
    public static char luhnCheckDigit(CharSequence payload) {
        int sum = 0;
        boolean dbl = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    public static boolean isLuhnValid(String number) {
        if (number == null || number.length() < 2 || !number.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return luhnCheckDigit(number.substring(0, number.length() - 1)) == number.charAt(number.length() - 1);
    }
}
