package io.tally.domain.fakes;

import io.tally.domain.report.DayRollup;
import io.tally.domain.report.MonthTotal;
import io.tally.domain.report.Opening;
import io.tally.domain.report.RollupMarks;
import io.tally.domain.report.RollupPort;
import io.tally.domain.tenant.BrandId;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/** {@link RollupPort} in memory; can die after a chosen write (the job's crash points). */
public final class InMemoryRollups implements RollupPort {
    private final Map<BrandId, TreeMap<LocalDate, DayRollup>> days = new HashMap<>();
    private final Map<BrandId, TreeMap<YearMonth, Opening>> openings = new HashMap<>();
    private final Map<BrandId, RollupMarks> marks = new HashMap<>();
    private final Map<BrandId, TreeMap<YearMonth, MonthTotal>> totals = new HashMap<>();
    private final Map<BrandId, TreeMap<LocalDate, String>> late = new HashMap<>();
    private Predicate<Object> crashAfter = w -> false;
    private int writes;

    /** From now on the process dies ({@link Crash}) right after a write (a day, an opening or marks) that matches. */
    public synchronized void crashAfter(Predicate<Object> which) {
        this.crashAfter = which;
    }

    public synchronized int writes() {
        return writes;
    }

    @Override
    public synchronized void replaceDay(DayRollup day) {
        days.computeIfAbsent(day.brand(), b -> new TreeMap<>()).put(day.day(), day);
        wrote(day);
    }

    @Override
    public synchronized Month month(BrandId brand, YearMonth month) {
        return new Month(month, days.getOrDefault(brand, new TreeMap<>())
                .subMap(month.atDay(1), true, month.atEndOfMonth(), true).values().stream().toList(),
                Optional.ofNullable(openings.getOrDefault(brand, new TreeMap<>()).get(month)));
    }

    @Override
    public synchronized void replaceOpening(Opening opening) {
        openings.computeIfAbsent(opening.brand(), b -> new TreeMap<>()).put(opening.month(), opening);
        wrote(opening);
    }

    @Override
    public synchronized Optional<Opening> opening(BrandId brand, YearMonth month) {
        return Optional.ofNullable(openings.getOrDefault(brand, new TreeMap<>()).get(month));
    }

    @Override
    public synchronized void replaceTotal(MonthTotal total) {
        totals.computeIfAbsent(total.brand(), b -> new TreeMap<>()).put(total.month(), total);
        wrote(total);
    }

    @Override
    public synchronized Optional<MonthTotal> total(BrandId brand, YearMonth month) {
        return Optional.ofNullable(totals.getOrDefault(brand, new TreeMap<>()).get(month));
    }

    @Override
    public synchronized Optional<RollupMarks> marks(BrandId brand) {
        return Optional.ofNullable(marks.get(brand));
    }

    @Override
    public synchronized boolean moveMarks(BrandId brand, Optional<RollupMarks> expected, RollupMarks next) {
        if (!Objects.equals(expected.orElse(null), marks.get(brand))) {
            return false;
        }
        marks.put(brand, next);
        wrote(next);
        return true;
    }

    @Override
    public synchronized void noteLate(BrandId brand, LocalDate day, String token) {
        late.computeIfAbsent(brand, b -> new TreeMap<>()).put(day, token);
    }

    @Override
    public synchronized Map<LocalDate, String> lateDays(BrandId brand) {
        return Map.copyOf(late.getOrDefault(brand, new TreeMap<>()));
    }

    @Override
    public synchronized boolean clearLate(BrandId brand, LocalDate day, String token) {
        TreeMap<LocalDate, String> days = late.getOrDefault(brand, new TreeMap<>());
        if (!token.equals(days.get(day))) {
            return false;
        }
        days.remove(day);
        wrote("late " + day);
        return true;
    }

    private void wrote(Object what) {
        writes++;
        if (crashAfter.test(what)) {
            throw new Crash("died after writing " + what.getClass().getSimpleName());
        }
    }
}
