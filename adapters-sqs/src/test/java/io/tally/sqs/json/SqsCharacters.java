package io.tally.sqs.json;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * SQS's rule for the characters of a message body, written from its documentation apart from the code under test:
 * {@code #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF}; a body with any other is refused
 * ({@code InvalidMessageContents}), by ElasticMQ too.
 */
public final class SqsCharacters {
    /**
     * Text a merchant may send that SQS refuses as it is: U+FFFF, U+FFFE, a lone high surrogate, a lone low
     * surrogate, a low before a high, a high before a pair, and a high surrogate last (before the closing quote);
     * with a valid pair (an emoji), a euro sign and control characters in between (U+0001, which JSON escapes
     * anyway; DEL and NEL, which SQS accepts), which must arrive unchanged.
     */
    public static final String HOSTILE = "a\uFFFFb\uFFFEc\uD83Dd\uDE00e\uD83D\uDE00f\uDE00\uD83Dg\uD83D\uD83D\uDE00"
            + "\u20ac\u0001\u007f\u0085\uD83D";
    /** {@link #HOSTILE} as a consumer reads it from SQS: each unpaired surrogate U+FFFD, all else as it was. */
    public static final String HOSTILE_READ = "a\uFFFFb\uFFFEc\uFFFDd\uFFFDe\uD83D\uDE00f\uFFFD\uFFFDg\uFFFD\uD83D\uDE00"
            + "\u20ac\u0001\u007f\u0085\uFFFD";

    private SqsCharacters() {
    }

    public static boolean allowed(int codePoint) {
        return codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD || codePoint >= 0x20 && codePoint <= 0xD7FF
                || codePoint >= 0xE000 && codePoint <= 0xFFFD || codePoint >= 0x10000 && codePoint <= 0x10FFFF;
    }

    /** {@code text} as a consumer reads it from SQS: each code point that is a lone surrogate becomes U+FFFD. */
    public static String asRead(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().map(p -> p >= 0xD800 && p <= 0xDFFF ? 0xFFFD : p).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Fails naming the first character SQS would refuse (a lone surrogate counts as one code point of its own). */
    public static void assertSqsAccepts(String body) {
        int[] points = body.codePoints().toArray();
        for (int i = 0; i < points.length; i++) {
            if (!allowed(points[i])) {
                fail(String.format("SQS refuses U+%04X (code point %d) in %s", points[i], i,
                        body.length() > 400 ? body.substring(0, 400) + "..." : body));
            }
        }
    }
}
