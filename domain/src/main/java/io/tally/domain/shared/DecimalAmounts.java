package io.tally.domain.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The edge between decimal amounts as people and integrations write them ({@code 10.99}) and the
 * whole minor units the domain computes with. BigDecimal lives here and nowhere past it.
 */
public final class DecimalAmounts {
    /** Far above any real balance, far below overflow: 10^15 minor units. */
    public static final long MAX_MINOR = 1_000_000_000_000_000L;

    private DecimalAmounts() {
    }

    /**
     * The decimal as minor units of the given scale, if it is a finite, non-negative number with no
     * more decimals than the scale allows and no larger than {@link #MAX_MINOR}.
     */
    public static Optional<Long> toMinor(BigDecimal decimal, int scale) {
        if (decimal == null || decimal.signum() < 0) {
            return Optional.empty();
        }
        BigDecimal scaled;
        try {
            scaled = decimal.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException tooManyDecimals) {
            return Optional.empty();
        }
        BigDecimal minor = scaled.movePointRight(scale);
        if (minor.compareTo(BigDecimal.valueOf(MAX_MINOR)) > 0) {
            return Optional.empty();
        }
        return Optional.of(minor.longValueExact());
    }

    /** Parses text such as {@code "10.99"}; empty for anything that is not a plain decimal number. */
    public static Optional<Long> toMinor(String text, int scale) {
        if (text == null || text.length() > 40 || !text.matches("[0-9]+(\\.[0-9]+)?")) {
            return Optional.empty();
        }
        return toMinor(new BigDecimal(text), scale);
    }

    /** Minor units back to a decimal of the given scale, e.g. 1099 at scale 2 is 10.99. */
    public static BigDecimal toDecimal(long minor, int scale) {
        return BigDecimal.valueOf(minor, scale);
    }
}
