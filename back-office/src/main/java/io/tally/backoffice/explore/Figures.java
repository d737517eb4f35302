package io.tally.backoffice.explore;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How Explore Data writes its figures: amounts in their unit, quantities, and rates as percentages. */
final class Figures {
    private Figures() {
    }

    /** {@code minor} units with {@code scale} decimals, e.g. 1250 at 2 → "12.50". */
    static String amount(long minor, int scale) {
        return BigDecimal.valueOf(minor, scale).toPlainString();
    }

    /** Thousandths as a plain quantity, e.g. 1500 → "1.5", 3000 → "3". */
    static String quantity(long milli) {
        BigDecimal q = BigDecimal.valueOf(milli, 3).stripTrailingZeros();
        return q.scale() < 0 ? q.setScale(0).toPlainString() : q.toPlainString();
    }

    /** {@code part / whole} as a percentage with one decimal ("37.5 %"), or "n/a" when nothing is the whole. */
    static String percent(long part, long whole) {
        if (whole == 0) {
            return "n/a";
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_EVEN).toPlainString() + " %";
    }

    /** {@code total / count} in {@code scale} decimals (half-even), or "n/a" for no count. */
    static String average(long total, long count, int scale) {
        if (count == 0) {
            return "n/a";
        }
        return BigDecimal.valueOf(total, scale).divide(BigDecimal.valueOf(count), scale, RoundingMode.HALF_EVEN)
                .toPlainString();
    }
}
