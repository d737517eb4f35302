package io.tally.domain.coupon.bulk;

import java.util.Comparator;
import java.util.Objects;

/** A line of a load that was not loaded, and why (a CSV line number; for generated codes the code's ordinal). */
public record InvalidLine(long line, String reason) {
    public static final Comparator<InvalidLine> BY_LINE = Comparator.comparingLong(InvalidLine::line);
    /** Reasons longer than this are cut: they are stored in the job record. */
    public static final int MAX_REASON = 120;

    public InvalidLine {
        Objects.requireNonNull(reason, "reason");
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1");
        }
        reason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    }
}
