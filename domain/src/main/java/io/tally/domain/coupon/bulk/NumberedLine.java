package io.tally.domain.coupon.bulk;

import java.util.Objects;

/** One line of a CSV file with its 1-based line number in the file (for the report of invalid lines). */
public record NumberedLine(long number, String text) {
    public NumberedLine {
        Objects.requireNonNull(text, "text");
        if (number < 1) {
            throw new IllegalArgumentException("line numbers start at 1");
        }
    }
}
