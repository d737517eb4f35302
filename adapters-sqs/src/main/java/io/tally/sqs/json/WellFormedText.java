package io.tally.sqs.json;

/**
 * Whether text is well-formed UTF-16, so that UTF-8 (DynamoDB strings, SQS bodies, S3 objects, e-mail) can hold it:
 * no surrogate stands alone. A Java string may hold one (JSON's <code>&#92;uD800</code> escape makes it), but it is no
 * character: every encoder writes it as {@code ?} or U+FFFD, or fails, so what was sent is not what is kept.
 */
public final class WellFormedText {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private WellFormedText() {
    }

    /** The index of the first surrogate in {@code text} that is not half of a pair (high then low), or -1. */
    public static int unpairedSurrogate(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else {
                return i;
            }
        }
        return -1;
    }

    /** {@code c} as its JSON escape, {@code \uD800}: how a message names a unit it cannot hold. */
    public static String escape(char c) {
        return new String(new char[] {'\\', 'u', HEX[c >> 12], HEX[c >> 8 & 0xF], HEX[c >> 4 & 0xF], HEX[c & 0xF]});
    }

    /** {@code text} for a message: each unpaired surrogate as its escape, at most {@code max} characters kept. */
    public static String shown(CharSequence text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
        for (int i = 0; i < text.length() && i < max; i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(escape(c));
            } else {
                out.append(c);
            }
        }
        return text.length() > max ? out.append('…').toString() : out.toString();
    }
}
