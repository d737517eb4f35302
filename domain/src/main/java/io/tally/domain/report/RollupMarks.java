package io.tally.domain.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a brand's rollups stand. {@code first}: the first day rolled up (nothing before it; openings before its month
 * are empty). {@code through}: every day up to it is stored; later days are computed on read. {@code staleFrom}: the
 * first month whose stored opening may be out of date (a day before it was replaced and the openings after it were not
 * yet refreshed: a crash in between leaves this mark, and the next run finishes the refresh).
 */
public record RollupMarks(LocalDate first, LocalDate through, Optional<YearMonth> staleFrom) {
    public RollupMarks {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(through, "through");
        Objects.requireNonNull(staleFrom, "staleFrom");
        if (through.isBefore(first.minusDays(1))) {
            throw new IllegalArgumentException("rolled through " + through + " before the first day " + first);
        }
    }
}
