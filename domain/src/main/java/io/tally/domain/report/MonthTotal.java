package io.tally.domain.report;

import io.tally.domain.tenant.BrandId;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A month's flows summed over its days: written by the rollup job once the month is rolled up to its end (with the
 * next month's opening), rewritten whenever a day of it is. A period of whole months then reads one small total per
 * month instead of every day of it, so a year's accounting costs the same few reads however busy the year was.
 */
public record MonthTotal(BrandId brand, YearMonth month, SortedMap<RollupCell, Flow> cells) {
    public MonthTotal {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(month, "month");
        cells = Collections.unmodifiableSortedMap(new TreeMap<>(cells));
    }

    public static MonthTotal of(BrandId brand, YearMonth month, Iterable<DayRollup> days) {
        TreeMap<RollupCell, Flow> sum = new TreeMap<>();
        for (DayRollup day : days) {
            if (!YearMonth.from(day.day()).equals(month)) {
                throw new IllegalArgumentException(day.day() + " is not a day of " + month);
            }
            day.cells().forEach((cell, flow) -> sum.merge(cell, flow, Flow::plus));
        }
        return new MonthTotal(brand, month, sum);
    }
}
