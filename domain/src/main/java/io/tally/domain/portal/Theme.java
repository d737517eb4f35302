package io.tally.domain.portal;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A brand's colours (hex {@code #rrggbb}). Pairs that carry text must reach WCAG AA contrast (4.5:1), so a
 * brand cannot configure pages that some of its customers cannot read.
 */
public record Theme(String primary, String onPrimary, String background, String text) {
    public static final double MIN_CONTRAST = 4.5;
    private static final Pattern HEX = Pattern.compile("#[0-9a-f]{6}");
    public static final Theme DEFAULT = new Theme("#1f4e79", "#ffffff", "#ffffff", "#1a1a1a");

    public Theme {
        primary = colour(primary, "primary");
        onPrimary = colour(onPrimary, "onPrimary");
        background = colour(background, "background");
        text = colour(text, "text");
        if (contrast(primary, onPrimary) < MIN_CONTRAST) {
            throw new IllegalArgumentException("primary and onPrimary colours contrast less than 4.5:1");
        }
        if (contrast(background, text) < MIN_CONTRAST || contrast(background, primary) < MIN_CONTRAST) {
            throw new IllegalArgumentException("text and primary colours need 4.5:1 contrast against the background");
        }
    }

    /** WCAG 2 contrast ratio of two colours, 1..21. */
    public static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double r = channel(Integer.parseInt(hex.substring(1, 3), 16));
        double g = channel(Integer.parseInt(hex.substring(3, 5), 16));
        double b = channel(Integer.parseInt(hex.substring(5, 7), 16));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }

    private static double channel(int v) {
        double c = v / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static String colour(String value, String what) {
        Objects.requireNonNull(value, what);
        String lower = value.strip().toLowerCase(Locale.ROOT);
        if (!HEX.matcher(lower).matches()) {
            throw new IllegalArgumentException(what + " must be a colour like #1f4e79: " + value);
        }
        return lower;
    }
}
