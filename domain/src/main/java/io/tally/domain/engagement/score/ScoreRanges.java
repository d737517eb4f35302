package io.tally.domain.engagement.score;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A brand's named customer score ranges (the glossary's Customer Score Breakdown): contiguous, from 1 through 100,
 * each named (Explore Data and the card page show the name). A score of 0 (no activity at all) is in no range.
 */
public record ScoreRanges(List<Range> ranges) {
    public static final int MAX_NAME = 40;
    public static final ScoreRanges DEFAULT = new ScoreRanges(List.of(new Range(1, 25, "Newbies"),
            new Range(26, 50, "Climbers"), new Range(51, 75, "Regulars"), new Range(76, 100, "Rockstars")));

    /** One range, {@code from} through {@code to} inclusive. */
    public record Range(int from, int to, String name) {
        public Range {
            Objects.requireNonNull(name, "name");
        }

        public String label() {
            return from + "-" + to;
        }
    }

    public ScoreRanges {
        ranges = List.copyOf(ranges);
        problem(ranges).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    /** Why {@code ranges} are not valid score ranges, if they are not (the back office shows it). */
    public static Optional<String> problem(List<Range> ranges) {
        if (ranges.isEmpty()) {
            return Optional.of("Give at least one score range.");
        }
        int next = 1;
        for (Range r : ranges) {
            if (r.name().isBlank() || r.name().length() > MAX_NAME || !r.name().equals(r.name().strip())) {
                return Optional.of("Each score range has a name of 1-" + MAX_NAME + " characters without outer spaces.");
            }
            if (r.from() != next || r.to() < r.from()) {
                return Optional.of("The ranges follow each other without gaps or overlaps from 1: " + r.label()
                        + " should start at " + next + ".");
            }
            next = r.to() + 1;
        }
        if (next != CustomerScore.MAX + 1) {
            return Optional.of("The last range ends at " + CustomerScore.MAX + ".");
        }
        return Optional.empty();
    }

    /** The range a score falls in; empty for 0 (or a score beyond 0-100). */
    public Optional<Range> of(int score) {
        return ranges.stream().filter(r -> score >= r.from() && score <= r.to()).findFirst();
    }
}
