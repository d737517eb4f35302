package io.tally.domain.report;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/** Flows summed over a period, per cell; every Accounting view is a grouping of these. */
public record Figures(SortedMap<RollupCell, Flow> cells) {
    public Figures {
        cells = Collections.unmodifiableSortedMap(new TreeMap<>(cells));
    }

    public static Figures sum(Iterable<DayRollup> days, Predicate<RollupCell> wanted) {
        java.util.List<SortedMap<RollupCell, Flow>> cells = new java.util.ArrayList<>();
        days.forEach(day -> cells.add(day.cells()));
        return sumCells(cells, wanted);
    }

    /** The sum of days' or months' cells that pass the filter. */
    public static Figures sumCells(Iterable<? extends Map<RollupCell, Flow>> parts, Predicate<RollupCell> wanted) {
        TreeMap<RollupCell, Flow> sum = new TreeMap<>();
        for (Map<RollupCell, Flow> part : parts) {
            part.forEach((cell, flow) -> {
                if (wanted.test(cell)) {
                    sum.merge(cell, flow, Flow::plus);
                }
            });
        }
        return new Figures(sum);
    }

    /** The flows grouped by a key of the cell (its location, program, type, value type, or several joined). */
    public <K extends Comparable<K>> SortedMap<K, Flow> by(Function<RollupCell, K> key) {
        SortedMap<K, Flow> grouped = new TreeMap<>();
        for (Map.Entry<RollupCell, Flow> e : cells.entrySet()) {
            grouped.merge(key.apply(e.getKey()), e.getValue(), Flow::plus);
        }
        return grouped;
    }
}
