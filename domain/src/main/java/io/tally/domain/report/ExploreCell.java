package io.tally.domain.report;

import java.util.Comparator;
import java.util.Objects;

/**
 * The grain of the Explore Data rollup: one location and one program (an empty text: none, as in {@link RollupCell}).
 * The program's kind (gift, loyalty, reward) is looked up when reading, so a day stays a function of its events alone.
 */
public record ExploreCell(String location, String program) implements Comparable<ExploreCell> {
    private static final Comparator<ExploreCell> ORDER = Comparator.comparing(ExploreCell::location)
            .thenComparing(ExploreCell::program);

    public ExploreCell {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(program, "program");
    }

    @Override
    public int compareTo(ExploreCell o) {
        return ORDER.compare(this, o);
    }
}
