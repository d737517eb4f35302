package io.tally.domain.sms;

import java.util.regex.Pattern;

/**
 * The short opt-out hint carriers require at the end of a promotional text ("Reply STOP to opt out"): the provider
 * takes a member's STOP as an opt-out (the AWS opt-out list), and the hint tells the member so. A text already naming
 * the keyword in capitals ({@code STOP}, as the brand's own wording may) keeps its wording; "Stop by our store" does not
 * count. Transactional texts (a sign-in code, a receipt) carry no hint.
 */
public final class OptOutHint {
    public static final String HINT = "Reply STOP to opt out";
    private static final Pattern KEYWORD = Pattern.compile("\\bSTOP\\b");

    private OptOutHint() {
    }

    /** Whether the text tells the member how to opt out (names the {@code STOP} keyword). */
    public static boolean has(String text) {
        return KEYWORD.matcher(text).find();
    }

    /** The text, with the hint on a line of its own at the end unless it has one. */
    public static String added(String text) {
        return has(text) ? text : text + "\n" + HINT;
    }
}
