package io.tally.domain.card;

import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;

/**
 * A card's number: 15-19 digits whose last digit is a Luhn check digit. The check digit catches
 * typing errors at the till before they reach the ledger. {@link #toString()} masks all but the
 * last four digits so that numbers do not leak into logs; {@link #value()} gives the digits.
 */
public record CardNumber(String value) implements Comparable<CardNumber> {
    public static final int MIN_LENGTH = 15;
    public static final int MAX_LENGTH = 19;

    public CardNumber {
        if (value == null || value.length() < MIN_LENGTH || value.length() > MAX_LENGTH || !allDigits(value)) {
            throw new IllegalArgumentException("a card number is 15-19 digits");
        }
        if (!luhnValid(value)) {
            throw new IllegalArgumentException("card number check digit is wrong: " + mask(value));
        }
    }

    /**
     * Lenient parse of what integrations send: surrounding blanks, inner spaces and dashes are ignored.
     * Absent input is NO_CARD_NUMBER; anything else that is not a valid number looks exactly like an
     * unknown card (CARD_NOT_FOUND), so a caller cannot tell "malformed" from "not ours".
     */
    public static Outcome<CardNumber> parse(String text) {
        if (text == null || text.isBlank()) {
            return Outcome.rejected(Reason.NO_CARD_NUMBER, "No card number was specified.");
        }
        if (text.length() > 64) {
            return Outcome.rejected(Reason.CARD_NOT_FOUND, "Could not find the specified card.");
        }
        String digits = text.strip().replace(" ", "").replace("-", "");
        if (digits.length() < MIN_LENGTH || digits.length() > MAX_LENGTH || !allDigits(digits) || !luhnValid(digits)) {
            return Outcome.rejected(Reason.CARD_NOT_FOUND, "Could not find the specified card.");
        }
        return Outcome.accepted(new CardNumber(digits));
    }

    /** The Luhn check digit that makes {@code payload + digit} valid. */
    public static int luhnCheckDigit(String payload) {
        int sum = 0;
        boolean doubleIt = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }

    public static boolean luhnValid(String digits) {
        return digits.length() >= 2
                && luhnCheckDigit(digits.substring(0, digits.length() - 1)) == digits.charAt(digits.length() - 1) - '0';
    }

    public String lastFour() {
        return value.substring(value.length() - 4);
    }

    @Override
    public int compareTo(CardNumber other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return mask(value);
    }

    private static String mask(String digits) {
        return "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
