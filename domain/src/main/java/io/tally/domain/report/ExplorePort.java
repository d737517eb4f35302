package io.tally.domain.report;

import io.tally.domain.tenant.BrandId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The stored Explore Data rollups of a brand: days and the marks of how far they go. Like the accounting rollups
 * ({@link RollupPort}), every write replaces whole days with values computed from the activity log, so writing the same
 * value again changes nothing.
 */
public interface ExplorePort {
    /** Days one {@link #days} call reads at most (a quarter and a bit: Explore Data's longest preset is 90 days). */
    int MAX_DAYS = 366;

    /** Replaces the stored day with this one (locations and cells no longer there are removed). */
    void replaceDay(ExploreDay day);

    /** The stored days of {@code [from, to]} (at most {@link #MAX_DAYS}), ascending: one query of the range. */
    List<ExploreDay> days(BrandId brand, LocalDate from, LocalDate to);

    Optional<Marks> marks(BrandId brand);

    /** Replaces the marks if they are still {@code expected} (empty: none yet); false when another run moved them. */
    boolean moveMarks(BrandId brand, Optional<Marks> expected, Marks next);

    /** Every day of {@code [first, through]} is stored; earlier days had no events, later ones are computed on read. */
    record Marks(LocalDate first, LocalDate through) {
        public Marks {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(through, "through");
            if (through.isBefore(first.minusDays(1))) {
                throw new IllegalArgumentException("rolled through " + through + " before the first day " + first);
            }
        }
    }
}
