package io.tally.domain.fakes;

import io.tally.domain.report.ExploreDay;
import io.tally.domain.report.ExplorePort;
import io.tally.domain.tenant.BrandId;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/** {@link ExplorePort} in memory; can die after a chosen write (the job's crash points). */
public final class InMemoryExplore implements ExplorePort {
    private final Map<BrandId, TreeMap<LocalDate, ExploreDay>> days = new HashMap<>();
    private final Map<BrandId, Marks> marks = new HashMap<>();
    private Predicate<Object> crashAfter = w -> false;

    /** From now on the process dies ({@link Crash}) right after a write (a day or the marks) that matches. */
    public synchronized void crashAfter(Predicate<Object> which) {
        this.crashAfter = which;
    }

    @Override
    public synchronized void replaceDay(ExploreDay day) {
        days.computeIfAbsent(day.brand(), b -> new TreeMap<>()).put(day.day(), day);
        wrote(day);
    }

    @Override
    public synchronized List<ExploreDay> days(BrandId brand, LocalDate from, LocalDate to) {
        if (from.plusDays(MAX_DAYS).isBefore(to.plusDays(1))) {
            throw new IllegalArgumentException("more than " + MAX_DAYS + " days");
        }
        return List.copyOf(days.getOrDefault(brand, new TreeMap<>()).subMap(from, true, to, true).values());
    }

    @Override
    public synchronized Optional<Marks> marks(BrandId brand) {
        return Optional.ofNullable(marks.get(brand));
    }

    @Override
    public synchronized boolean moveMarks(BrandId brand, Optional<Marks> expected, Marks next) {
        if (!Objects.equals(expected.orElse(null), marks.get(brand))) {
            return false;
        }
        marks.put(brand, next);
        wrote(next);
        return true;
    }

    private void wrote(Object what) {
        if (crashAfter.test(what)) {
            throw new Crash("died after writing " + what.getClass().getSimpleName());
        }
    }
}
