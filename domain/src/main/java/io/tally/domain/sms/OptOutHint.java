package io.tally.domain.sms;

import java.util.regex.Pattern;

/**
 * The short opt-out hint carriers require at the end of a promotional text ("Reply STOP to opt out"): the provider
 * takes a member's STOP as an opt-out (the AWS opt-out list), and the hint tells the member so. A text already giving
 * the instruction in its own words (reply, text or send {@code STOP}, the keyword in capitals) keeps its wording; the
 * word alone does not count ("Stop by our store", "NON-STOP deals", "your ONE-STOP shop"). Transactional texts (a
 * sign-in code, a receipt) carry no hint.
 */
public final class OptOutHint {
    public static final String HINT = "Reply STOP to opt out";
    private static final Pattern INSTRUCTION = Pattern.compile("(?i:\\b(?:reply|text|txt|send)\\s+)STOP\\b");

    private OptOutHint() {
    }

    /** Whether the text tells the member how to opt out (reply, text or send {@code STOP}). */
    public static boolean has(String text) {
        return INSTRUCTION.matcher(text).find();
    }

    /** The text, with the hint on a line of its own at the end unless it has one. */
    public static String added(String text) {
        return has(text) ? text : text + "\n" + HINT;
    }
}
