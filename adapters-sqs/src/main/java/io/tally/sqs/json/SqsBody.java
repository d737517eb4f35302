package io.tally.sqs.json;

/**
 * JSON text as an SQS message body may hold it. SQS accepts only {@code #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to
 * #xFFFD | #x10000 to #x10FFFF} in a body and refuses the whole message for any other character
 * ({@code InvalidMessageContents}, a sender fault), on every retry: a checkout whose SKU holds U+FFFF would block its
 * ledger outbox shard for good. Jackson writes the characters below U+0020 as escapes already, but U+FFFE, U+FFFF and
 * unpaired surrogates as they are. {@link #of} mends the text:
 * <ul>
 * <li>U+FFFE and U+FFFF (and any control character left) become their escape, <code>&#92;uFFFF</code>, which every
 * JSON parser reads back as that very character. Outside its string literals JSON text is ASCII, so such a character
 * stands inside a string and not within an escape sequence (those are ASCII too), where the escape means it exactly.
 * <li>An unpaired surrogate becomes U+FFFD, the replacement character: it is no character, so no form of it round-trips.
 * Escaped (<code>&#92;uD800</code>) Jackson 2.23 refuses it in a field name ("Broken surrogate pair in field name"),
 * and SKUs are field names in a checkout's event ({@code skuamount.<sku>}); I-JSON (RFC 7493) forbids it anywhere.
 * Two SKUs that differ only by unpaired surrogates become one name, which the events' reader refuses as a duplicate.
 * </ul>
 * A surrogate pair and every other character stay as they are; only U+FFFE and U+FFFF grow (from three bytes to six).
 */
public final class SqsBody {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final char REPLACEMENT = '\uFFFD';

    private SqsBody() {
    }

    /** {@code json} (JSON text) as SQS accepts it, read back the same but for unpaired surrogates; itself if it is. */
    public static String of(String json) {
        int first = firstRefused(json);
        if (first < 0) {
            return json;
        }
        StringBuilder out = new StringBuilder(json.length() + 16).append(json, 0, first);
        for (int i = first; i < json.length(); i++) {
            char c = json.charAt(i);
            if (pairAt(json, i)) {
                out.append(c).append(json.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(REPLACEMENT);
            } else if (refused(c)) {
                out.append('\\').append('u').append(HEX[c >> 12]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF])
                        .append(HEX[c & 0xF]);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int firstRefused(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (pairAt(text, i)) {
                i++;
            } else if (Character.isSurrogate(text.charAt(i)) || refused(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean pairAt(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
    }

    /** A character (not a surrogate) SQS refuses. */
    private static boolean refused(char c) {
        if (c < 0x20) {
            return c != '\t' && c != '\n' && c != '\r';
        }
        return c == '\uFFFE' || c == '\uFFFF';
    }
}
