package io.tally.domain.report;

import io.tally.domain.tenant.BrandId;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outstanding balances at the start of a month (the brand's time zone): the previous month's opening plus that
 * month's days. The close of any day is its month's opening plus the month's days up to it, so a liability report
 * reads one month, never the brand's whole history.
 */
public record Opening(BrandId brand, YearMonth month, SortedMap<BalanceCell, Long> balances) {
    public Opening {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(month, "month");
        TreeMap<BalanceCell, Long> kept = new TreeMap<>(balances);
        kept.values().removeIf(v -> v == 0);
        balances = Collections.unmodifiableSortedMap(kept);
    }

    public static Opening empty(BrandId brand, YearMonth month) {
        return new Opening(brand, month, new TreeMap<>());
    }

    /** The next month's opening: this one plus the month's days. */
    public Opening next(Iterable<DayRollup> days) {
        TreeMap<BalanceCell, Long> sum = new TreeMap<>(balances);
        for (DayRollup day : days) {
            day.balanceChanges().forEach((cell, change) -> sum.merge(cell, change, Math::addExact));
        }
        return new Opening(brand, month.plusMonths(1), sum);
    }
}
