package io.tally.domain.segment;

/**
 * How many cards a segment holds as far as a count looked: {@code matched} of {@code examined} cards; {@code exact}
 * when it reached the brand's last card, otherwise the segment holds at least {@code matched}.
 */
public record SegmentCount(long matched, long examined, boolean exact) {
    public SegmentCount {
        if (matched < 0 || examined < matched) {
            throw new IllegalArgumentException("0 <= matched <= examined");
        }
    }

    /** "12" or "at least 12". */
    public String text() {
        return exact ? String.valueOf(matched) : "at least " + matched;
    }
}
