package io.tally.domain.fakes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ways a person or a pasted text can spell one card number: Unicode spaces around and inside it, invisible
 * characters, dashes that are not ASCII, fullwidth digits. They all look like the same number on a screen, so
 * they must all be the same number to the lookup and to the wrong-PIN lockout.
 */
public final class CardSpellings {
    private CardSpellings() {
    }

    /** Label (for assertion messages) to spelling, in a fixed order; {@code digits} is 15-19 ASCII digits. */
    public static Map<String, String> of(String digits) {
        String head = digits.substring(0, 4);
        String middle = digits.substring(4, 8);
        String tail = digits.substring(8);
        Map<String, String> spellings = new LinkedHashMap<>();
        spellings.put("EM SPACE before", "\u2003" + digits);
        spellings.put("IDEOGRAPHIC SPACE after", digits + "\u3000");
        spellings.put("NO-BREAK SPACE inside", head + "\u00A0" + middle + "\u00A0" + tail);
        spellings.put("fullwidth digits", inDigitsOf(digits, '\uFF10'));
        spellings.put("ZERO WIDTH SPACE inside", head + middle + "\u200B" + tail);
        spellings.put("BYTE ORDER MARK before, EN DASH inside", "\uFEFF" + head + "\u2013" + middle + tail);
        spellings.put("NARROW NO-BREAK and FIGURE SPACE inside", head + "\u202F" + middle + "\u2007" + tail);
        spellings.put("MINUS SIGN and FULLWIDTH HYPHEN-MINUS inside", head + "\u2212" + middle + "\uFF0D" + tail);
        spellings.put("tab and line feed around", "\t" + digits + "\n");
        return spellings;
    }

    /** {@code digits} written with the ten digits of another script, starting at {@code zero}. */
    public static String inDigitsOf(String digits, char zero) {
        StringBuilder out = new StringBuilder(digits.length());
        digits.chars().forEach(c -> out.append((char) (zero + (c - '0'))));
        return out.toString();
    }
}
