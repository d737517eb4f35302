package io.tally.domain.shared;

/**
 * Non-negative numbers as zero-padded ASCII digits, for keys and ids whose string order must be numeric order.
 * {@code String.format("%016d", n)} writes the same, but its first use in a JVM builds {@code java.util.Formatter}
 * and loads the locale data for the default locale's digits (tens of milliseconds of a cold start), and a locale
 * with other digits would change the key.
 */
public final class ZeroPadded {
    private ZeroPadded() {
    }

    /** {@code value} in at least {@code width} digits, zeros in front (never cut: a longer number keeps its digits). */
    public static String of(long value, int width) {
        if (value < 0) {
            throw new IllegalArgumentException("negative " + value);
        }
        String digits = Long.toString(value);
        if (digits.length() >= width) {
            return digits;
        }
        StringBuilder out = new StringBuilder(width);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits).toString();
    }
}
