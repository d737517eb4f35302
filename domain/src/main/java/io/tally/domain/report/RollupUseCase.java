package io.tally.domain.report;

import io.tally.domain.backoffice.BrandTransaction;
import io.tally.domain.event.ActivityLogPort;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The accounting rollups: written by a periodic job from the brand's activity log (every ledger entry's event, once
 * per event id), read by the Accounting pages and exports.
 *
 * <p>Exact and recomputable: a day's rollup is a pure function of that day's entries ({@link DayRollup}), the job
 * replaces the stored day with it, and a month's opening balances are the previous opening plus that month's days.
 * Days the job has not stored yet (today, and any day after the marks' {@code through}) are computed on read from the
 * activity log, so what a page shows never depends on when the job last ran. An entry that reaches the log late (the
 * outbox relays after a crash; the sweeper dates an expiry at its own instant, possibly a day back) lands in its own
 * day: re-verifying yesterday ({@link #run}) finds the difference, reports it and repairs the stored day and the
 * openings after it.
 */
public final class RollupUseCase {
    /** Days the job rolls up in one run at most (a brand's first run may have a long history; the next run goes on). */
    public static final int DAYS_PER_RUN = 62;

    private final ActivityLogPort activity;
    private final RollupPort rollups;
    private final Function<BrandId, ZoneId> zones;
    private final Clock clock;
    private final BiConsumer<BrandId, LocalDate> lateDay;

    public RollupUseCase(ActivityLogPort activity, RollupPort rollups, Function<BrandId, ZoneId> zones, Clock clock) {
        this(activity, rollups, zones, clock, (brand, day) -> { });
    }

    /**
     * With {@code lateDay}: told of every day noted late that a run takes up, before its note is cleared, so a rollup
     * of its own (Explore Data's) rolls the day up again too; if it throws, the note stays for the next run.
     */
    public RollupUseCase(ActivityLogPort activity, RollupPort rollups, Function<BrandId, ZoneId> zones, Clock clock,
                         BiConsumer<BrandId, LocalDate> lateDay) {
        this.lateDay = Objects.requireNonNull(lateDay, "lateDay");
        this.activity = Objects.requireNonNull(activity, "activity");
        this.rollups = Objects.requireNonNull(rollups, "rollups");
        this.zones = Objects.requireNonNull(zones, "zones");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The brand's today in its time zone. */
    public LocalDate today(BrandId brand) {
        return LocalDate.now(clock.withZone(zones.apply(brand)));
    }

    /** A day's figures computed from the activity log (every page of the day's slice). */
    public DayRollup compute(BrandId brand, LocalDate day) {
        DayRollup.Builder builder = new DayRollup.Builder(brand, day);
        DayEvents.each(activity, brand, zones.apply(brand), day, event -> BrandTransaction.of(event).ifPresent(builder::add));
        return builder.build();
    }

    /**
     * What one run of the job did: the days rolled up for the first time, the days rolled up again because an entry of
     * theirs came in late ({@link LateEntries}), and the differences the re-verification of the last two days found
     * (none unless something reached the log without being noted late: each is reported, and repaired).
     */
    public record Run(List<LocalDate> written, List<LocalDate> repaired, List<Difference> differences) {
        public Run {
            written = List.copyOf(written);
            repaired = List.copyOf(repaired);
            differences = List.copyOf(differences);
        }
    }

    /** A stored day that did not equal the day computed again: each cell that differed (absent: {@link Flow#NONE}). */
    public record Difference(BrandId brand, LocalDate day, SortedMap<RollupCell, Flow[]> cells) {
        /** One line per cell for the job's report: {@code cell stored -> computed}. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            cells.forEach((cell, pair) -> lines.add(cell + " stored " + pair[0] + " computed " + pair[1]));
            return lines;
        }
    }

    /**
     * The periodic job for one brand: finishes a refresh of openings a crash interrupted, rolls up again the days noted
     * late, rolls up every day not yet stored up to yesterday (at most {@link #DAYS_PER_RUN}), then re-verifies
     * yesterday and the day before and repairs what differs. Every step replaces whole items and each mark is cleared
     * only after its work, so a run that dies anywhere is finished by the next one.
     */
    public Run run(BrandId brand) {
        LocalDate today = today(brand);
        LocalDate yesterday = today.minusDays(1);
        Optional<RollupMarks> marks = rollups.marks(brand);
        if (marks.isEmpty()) {
            Optional<LocalDate> oldest = activity.oldest(brand).map(t -> LocalDate.ofInstant(t, zones.apply(brand)));
            if (oldest.isEmpty() || !oldest.get().isBefore(today)) {
                return new Run(List.of(), List.of(), List.of());
            }
            RollupMarks start = new RollupMarks(oldest.get(), oldest.get().minusDays(1), Optional.empty());
            if (!rollups.moveMarks(brand, Optional.empty(), start)) {
                return new Run(List.of(), List.of(), List.of());
            }
            marks = Optional.of(start);
        }
        RollupMarks current = marks.get();
        if (current.staleFrom().isPresent()) {
            current = refreshOpenings(brand, current, current.staleFrom().get());
        }
        List<LocalDate> repaired = new ArrayList<>();
        for (Map.Entry<LocalDate, String> late : new TreeMap<>(rollups.lateDays(brand)).entrySet()) {
            LocalDate day = late.getKey();
            if (day.isBefore(current.first())) {
                current = extendBack(brand, current, day);
                repaired.add(day);
            } else if (!day.isAfter(current.through()) && repair(brand, current, day).isPresent()) {
                current = rollups.marks(brand).orElse(current);
                repaired.add(day);
            }
            lateDay.accept(brand, day);
            rollups.clearLate(brand, day, late.getValue());
        }
        List<LocalDate> written = new ArrayList<>();
        for (LocalDate day = current.through().plusDays(1); !day.isAfter(yesterday) && written.size() < DAYS_PER_RUN;
             day = day.plusDays(1)) {
            rollups.replaceDay(compute(brand, day));
            if (day.equals(YearMonth.from(day).atEndOfMonth())) {
                YearMonth month = YearMonth.from(day);
                List<DayRollup> days = rollups.month(brand, month).days();
                rollups.replaceTotal(MonthTotal.of(brand, month, days));
                rollups.replaceOpening(opening(brand, current, month).next(days));
            }
            RollupMarks next = new RollupMarks(current.first(), day, current.staleFrom());
            if (!rollups.moveMarks(brand, Optional.of(current), next)) {
                return new Run(written, repaired, List.of());
            }
            current = next;
            written.add(day);
        }
        List<Difference> differences = new ArrayList<>();
        for (LocalDate day : List.of(yesterday.minusDays(1), yesterday)) {
            if (!day.isBefore(current.first()) && !day.isAfter(current.through()) && !written.contains(day)) {
                Optional<Difference> difference = repair(brand, current, day);
                if (difference.isPresent()) {
                    differences.add(difference.get());
                    current = rollups.marks(brand).orElse(current);
                }
            }
        }
        return new Run(written, repaired, differences);
    }

    /**
     * An entry older than the first rolled-up day came in (relayed late, before the job's first run saw it): the days
     * from it up to the old first day are rolled up, then the marks move the first day back with the openings after
     * it marked stale, and those are refreshed.
     */
    private RollupMarks extendBack(BrandId brand, RollupMarks marks, LocalDate day) {
        for (LocalDate d = day; d.isBefore(marks.first()); d = d.plusDays(1)) {
            rollups.replaceDay(compute(brand, d));
        }
        YearMonth staleFrom = YearMonth.from(day).plusMonths(1);
        RollupMarks moved = new RollupMarks(day, marks.through(),
                Optional.of(marks.staleFrom().filter(s -> s.isBefore(staleFrom)).orElse(staleFrom)));
        if (!rollups.moveMarks(brand, Optional.of(marks), moved)) {
            return rollups.marks(brand).orElse(marks);
        }
        return refreshOpenings(brand, moved, moved.staleFrom().get());
    }

    /**
     * Computes a stored day again; if it differs, marks the openings after its month stale, replaces the day, refreshes
     * those openings and clears the mark (in that order, so a crash anywhere leaves a mark the next run acts on).
     */
    private Optional<Difference> repair(BrandId brand, RollupMarks marks, LocalDate day) {
        DayRollup computed = compute(brand, day);
        YearMonth month = YearMonth.from(day);
        DayRollup stored = rollups.month(brand, month).days().stream().filter(d -> d.day().equals(day)).findFirst()
                .orElse(DayRollup.empty(brand, day));
        if (stored.cells().equals(computed.cells())) {
            return Optional.empty();
        }
        SortedMap<RollupCell, Flow[]> cells = new TreeMap<>();
        TreeSet<RollupCell> keys = new TreeSet<>(stored.cells().keySet());
        keys.addAll(computed.cells().keySet());
        for (RollupCell cell : keys) {
            Flow before = stored.cells().getOrDefault(cell, Flow.NONE);
            Flow after = computed.cells().getOrDefault(cell, Flow.NONE);
            if (!before.equals(after)) {
                cells.put(cell, new Flow[] {before, after});
            }
        }
        YearMonth staleFrom = month.plusMonths(1);
        RollupMarks marked = new RollupMarks(marks.first(), marks.through(),
                Optional.of(marks.staleFrom().filter(s -> s.isBefore(staleFrom)).orElse(staleFrom)));
        if (rollups.moveMarks(brand, Optional.of(marks), marked)) {
            rollups.replaceDay(computed);
            refreshOpenings(brand, marked, marked.staleFrom().get());
        }
        return Optional.of(new Difference(brand, day, cells));
    }

    /**
     * Writes the openings of {@code from} up to the month after {@code through}'s, and the totals of the months before
     * each (the months whose days may have changed: a stale mark {@code S} covers the total of {@code S - 1} and the
     * openings from {@code S}), then clears the stale mark.
     */
    private RollupMarks refreshOpenings(BrandId brand, RollupMarks marks, YearMonth from) {
        YearMonth last = YearMonth.from(marks.through().plusDays(1));
        YearMonth first = YearMonth.from(marks.first());
        YearMonth start = from.isAfter(first) ? from : first.plusMonths(1);
        Opening opening = null;
        for (YearMonth month = start; !month.isAfter(last); month = month.plusMonths(1)) {
            YearMonth previous = month.minusMonths(1);
            Opening base = opening != null ? opening : opening(brand, marks, previous);
            List<DayRollup> days = daysOf(brand, marks, previous);
            rollups.replaceTotal(MonthTotal.of(brand, previous, days));
            opening = base.next(days);
            rollups.replaceOpening(opening);
        }
        RollupMarks cleared = new RollupMarks(marks.first(), marks.through(), Optional.empty());
        return rollups.moveMarks(brand, Optional.of(marks), cleared) ? cleared : rollups.marks(brand).orElse(cleared);
    }

    /**
     * The flows of the days {@code [from, to]} that pass the filter: a whole month the job has stored and totalled from
     * its total (one small read), the other stored days from their month, the days not stored yet (today, days after
     * the marks' {@code through}) computed from the activity log.
     */
    public Figures activity(BrandId brand, LocalDate from, LocalDate to, Predicate<RollupCell> wanted) {
        Optional<RollupMarks> marks = rollups.marks(brand);
        LocalDate last = to.isAfter(today(brand)) ? today(brand) : to;
        List<SortedMap<RollupCell, Flow>> parts = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(last)); month = month.plusMonths(1)) {
            LocalDate start = month.equals(YearMonth.from(from)) ? from : month.atDay(1);
            LocalDate end = month.equals(YearMonth.from(last)) ? last : month.atEndOfMonth();
            YearMonth current = month;
            Optional<MonthTotal> total = start.equals(month.atDay(1)) && end.equals(month.atEndOfMonth())
                    && marks.map(m -> totalled(m, current)).orElse(false)
                    ? rollups.total(brand, month) : Optional.empty();
            if (total.isPresent()) {
                parts.add(total.get().cells());
            } else {
                days(brand, marks, month, start, end).forEach(d -> parts.add(d.cells()));
            }
        }
        return Figures.sumCells(parts, wanted);
    }

    /** Whether the month's stored total is its days' sum: every day of it stored, and no stale mark covering it. */
    private static boolean totalled(RollupMarks marks, YearMonth month) {
        return !month.atEndOfMonth().isAfter(marks.through())
                && marks.staleFrom().map(stale -> month.plusMonths(1).isBefore(stale)).orElse(true);
    }

    /**
     * The days {@code [from, to]} one by one (up to today; a day with nothing stored is absent), stored where the job
     * has stored them, else computed from the activity log: the time series of Explore Data.
     */
    public List<DayRollup> daily(BrandId brand, LocalDate from, LocalDate to) {
        Optional<RollupMarks> marks = rollups.marks(brand);
        LocalDate last = to.isAfter(today(brand)) ? today(brand) : to;
        List<DayRollup> days = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(last)); month = month.plusMonths(1)) {
            LocalDate start = month.equals(YearMonth.from(from)) ? from : month.atDay(1);
            LocalDate end = month.equals(YearMonth.from(last)) ? last : month.atEndOfMonth();
            days.addAll(days(brand, marks, month, start, end));
        }
        return days;
    }

    /** The outstanding balances at the end of {@code day} (the brand's zone) that pass the filter. */
    public SortedMap<BalanceCell, Long> closing(BrandId brand, LocalDate day, Predicate<BalanceCell> wanted) {
        Optional<RollupMarks> marks = rollups.marks(brand);
        YearMonth month = YearMonth.from(day);
        Opening opening = marks.map(m -> opening(brand, m, month)).orElse(Opening.empty(brand, month));
        if (day.equals(month.atEndOfMonth()) && marks.map(m -> totalled(m, month)).orElse(false)) {
            // a month's end: its opening and its total (two small reads), not its days
            Optional<MonthTotal> total = rollups.total(brand, month);
            if (total.isPresent()) {
                return closing(opening, List.of(total.get().cells()), wanted);
            }
        }
        List<DayRollup> days = new ArrayList<>(days(brand, marks, month, month.atDay(1), day));
        if (marks.isEmpty()) {
            // nothing rolled up yet: the whole history before this month, computed on read (the job's first run ends this)
            Optional<LocalDate> oldest = activity.oldest(brand).map(t -> LocalDate.ofInstant(t, zones.apply(brand)));
            for (LocalDate d = oldest.orElse(month.atDay(1)); d.isBefore(month.atDay(1)); d = d.plusDays(1)) {
                days.add(compute(brand, d));
            }
        }
        List<Map<RollupCell, Flow>> changes = new ArrayList<>();
        days.forEach(d -> changes.add(d.cells()));
        return closing(opening, changes, wanted);
    }

    /** The opening plus the balance changes of the given days' or month's cells, filtered. */
    private static SortedMap<BalanceCell, Long> closing(Opening opening, List<? extends Map<RollupCell, Flow>> changes,
                                                       Predicate<BalanceCell> wanted) {
        TreeMap<BalanceCell, Long> sum = new TreeMap<>(opening.balances());
        for (Map<RollupCell, Flow> cells : changes) {
            cells.forEach((cell, flow) -> {
                if (!cell.valueType().isEmpty() && flow.net() != 0) {
                    sum.merge(cell.balance(), flow.net(), Math::addExact);
                }
            });
        }
        sum.values().removeIf(v -> v == 0);
        sum.keySet().removeIf(cell -> !wanted.test(cell));
        return sum;
    }

    /** The month's opening: stored unless before the first month or marked stale, else rebuilt from the month before. */
    private Opening opening(BrandId brand, RollupMarks marks, YearMonth month) {
        YearMonth first = YearMonth.from(marks.first());
        if (!month.isAfter(first)) {
            return Opening.empty(brand, month);
        }
        boolean stale = marks.staleFrom().map(s -> !month.isBefore(s)).orElse(false);
        if (!stale) {
            Optional<Opening> stored = rollups.opening(brand, month);
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        YearMonth previous = month.minusMonths(1);
        return opening(brand, marks, previous).next(daysOf(brand, marks, previous));
    }

    private List<DayRollup> daysOf(BrandId brand, RollupMarks marks, YearMonth month) {
        return days(brand, Optional.of(marks), month, month.atDay(1), month.atEndOfMonth());
    }

    private List<DayRollup> days(BrandId brand, Optional<RollupMarks> marks, YearMonth month, LocalDate from,
                                 LocalDate to) {
        LocalDate today = today(brand);
        Map<LocalDate, DayRollup> stored = new TreeMap<>();
        if (marks.isPresent() && !from.isAfter(marks.get().through())) {
            rollups.month(brand, month).days().forEach(d -> stored.put(d.day(), d));
        }
        List<DayRollup> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to) && !day.isAfter(today); day = day.plusDays(1)) {
            if (marks.isPresent() && day.isBefore(marks.get().first())) {
                continue;
            }
            if (marks.isPresent() && !day.isAfter(marks.get().through())) {
                DayRollup d = stored.get(day);
                if (d != null) {
                    days.add(d);
                }
            } else {
                days.add(compute(brand, day));
            }
        }
        return days;
    }
}
