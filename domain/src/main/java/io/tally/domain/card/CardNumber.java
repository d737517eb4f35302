package io.tally.domain.card;

import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import java.text.Normalizer;

/**
 * A card's number: 15-19 digits whose last digit is a Luhn check digit. The check digit catches
 * typing errors at the till before they reach the ledger. {@link #toString()} masks all but the
 * last four digits so that numbers do not leak into logs; {@link #value()} gives the digits.
 */
public record CardNumber(String value) implements Comparable<CardNumber> {
    public static final int MIN_LENGTH = 15;
    public static final int MAX_LENGTH = 19;
    /** Longest text {@link #parse} looks at: room for a number with generous separators, and a bound on the work. */
    public static final int MAX_TEXT_LENGTH = 64;
    private static final int MINUS_SIGN = 0x2212;

    public CardNumber {
        if (value == null || value.length() < MIN_LENGTH || value.length() > MAX_LENGTH || !allDigits(value)) {
            throw new IllegalArgumentException("a card number is 15-19 digits");
        }
        if (!luhnValid(value)) {
            throw new IllegalArgumentException("card number check digit is wrong: " + mask(value));
        }
    }

    /**
     * Lenient parse of what integrations and people send, by the one rule of {@link #canonical}. Absent input
     * (null, or nothing but separators) is NO_CARD_NUMBER; anything else that is not a valid number, text longer
     * than {@value #MAX_TEXT_LENGTH} characters included, looks exactly like an unknown card (CARD_NOT_FOUND), so a
     * caller cannot tell "malformed" from "not ours".
     */
    public static Outcome<CardNumber> parse(String text) {
        if (absent(text)) {
            return Outcome.rejected(Reason.NO_CARD_NUMBER, "No card number was specified.");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            return Outcome.rejected(Reason.CARD_NOT_FOUND, "Could not find the specified card.");
        }
        String digits = canonical(text);
        if (digits.length() < MIN_LENGTH || digits.length() > MAX_LENGTH || !allDigits(digits) || !luhnValid(digits)) {
            return Outcome.rejected(Reason.CARD_NOT_FOUND, "Could not find the specified card.");
        }
        return Outcome.accepted(new CardNumber(digits));
    }

    /** Whether {@code text} holds no card number at all: null, or nothing but separators (see {@link #canonical}). */
    public static boolean absent(String text) {
        return text == null || text.isBlank() || text.length() <= MAX_TEXT_LENGTH && canonical(text).isEmpty();
    }

    /**
     * The one canonical form of card-number text, which every lookup, counter and index key goes through: what
     * looks like the same number on a screen must be the same number everywhere, or a spelling with a Unicode space
     * would get a wrong-PIN counter of its own. The rule: Unicode NFKC (compatibility digits such as fullwidth or
     * superscript ones become ASCII digits, compatibility spaces and dashes ASCII ones), then every separator is
     * removed: whitespace and space separators (NO-BREAK, FIGURE, NARROW NO-BREAK, EM, IDEOGRAPHIC ... spaces),
     * invisible format characters (Unicode Cf: ZERO WIDTH SPACE, BYTE ORDER MARK, soft hyphen ...), dashes
     * (Unicode Pd) and MINUS SIGN. Nothing else is touched: the result is a card number only if it is then 15-19
     * ASCII digits with a valid check digit (digits of other scripts are not mapped, so they are refused). Only the
     * first {@value #MAX_TEXT_LENGTH} characters are looked at, so junk costs bounded work; {@link #parse} refuses
     * longer text outright.
     */
    public static String canonical(String text) {
        String bounded = text.length() > MAX_TEXT_LENGTH ? text.substring(0, MAX_TEXT_LENGTH) : text;
        // ASCII text is its own NFKC form (CardNumberTest checks every ASCII pair), and the normalizer's first use loads
        // the JDK's Unicode tables: a cold start's first card number would pay for them.
        String folded = ascii(bounded) ? bounded : Normalizer.normalize(bounded, Normalizer.Form.NFKC);
        StringBuilder kept = new StringBuilder(folded.length());
        folded.codePoints().filter(c -> !separator(c)).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean separator(int c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.FORMAT
                || type == Character.DASH_PUNCTUATION || c == MINUS_SIGN;
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
