package io.tally.domain.report;

import io.tally.domain.backoffice.BrandTransaction;
import io.tally.domain.campaign.CheckoutConfig;
import io.tally.domain.event.ActivityLogPort;
import io.tally.domain.report.ExplorePort.Marks;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The Explore Data rollups ({@link ExploreDay}): written by the same periodic job as the accounting rollups, read by the
 * Explore Data pages. The same rules as {@link RollupUseCase}: a day is a pure function of its events, the job replaces
 * stored days with it, days not stored yet (today; days after the marks) are computed on read, and the days an entry
 * reached late are rolled up again.
 *
 * <p>The job runs the accounting run first, which tells {@link #rollUpAgain} of every day noted late before it clears
 * the note (so a death in between leaves the note for the next run), then {@link #run}: the days not stored yet up to
 * yesterday, and a re-verification of yesterday and the day before.
 */
public final class ExploreRollupUseCase {
    private final ActivityLogPort activity;
    private final ExplorePort explore;
    private final Function<BrandId, CheckoutConfig> configs;
    private final Clock clock;

    public ExploreRollupUseCase(ActivityLogPort activity, ExplorePort explore, Function<BrandId, CheckoutConfig> configs,
                                Clock clock) {
        this.activity = Objects.requireNonNull(activity, "activity");
        this.explore = Objects.requireNonNull(explore, "explore");
        this.configs = Objects.requireNonNull(configs, "configs");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What one run did: the days written, and the days the re-verification found different (and replaced). */
    public record Run(List<LocalDate> written, List<LocalDate> differences) {
        public Run {
            written = List.copyOf(written);
            differences = List.copyOf(differences);
        }
    }

    public LocalDate today(BrandId brand) {
        return LocalDate.now(clock.withZone(configs.apply(brand).zone()));
    }

    /** A day's figures computed from the activity log. */
    public ExploreDay compute(BrandId brand, LocalDate day) {
        CheckoutConfig config = configs.apply(brand);
        ExploreDay.Builder builder = new ExploreDay.Builder(brand, day, config.currency().defaultScale());
        DayEvents.each(activity, brand, config.zone(), day, e -> BrandTransaction.of(e).ifPresent(builder::add));
        return builder.build();
    }

    /**
     * A day noted late (the accounting run tells it, {@link RollupUseCase}): rolled up again if stored, the stored days
     * extended back to it if it is older than the first; a day not stored yet is left to {@link #run}. True when the
     * stored day changed.
     */
    public boolean rollUpAgain(BrandId brand, LocalDate day) {
        Optional<Marks> marks = explore.marks(brand);
        if (marks.isEmpty() || day.isAfter(marks.get().through())) {
            return false;
        }
        if (day.isBefore(marks.get().first())) {
            extendBack(brand, marks.get(), day);
            return true;
        }
        return replaceIfChanged(brand, day);
    }

    /**
     * The periodic job for one brand, after the accounting run: every day not stored yet up to yesterday (at most
     * {@link RollupUseCase#DAYS_PER_RUN}), then yesterday and the day before computed again and replaced if they differ
     * (each a difference: something reached the log without being noted late). A run that dies anywhere is finished by
     * the next.
     */
    public Run run(BrandId brand) {
        LocalDate yesterday = today(brand).minusDays(1);
        Optional<Marks> marks = start(brand, yesterday);
        if (marks.isEmpty()) {
            return new Run(List.of(), List.of());
        }
        Marks current = marks.get();
        List<LocalDate> written = new ArrayList<>();
        for (LocalDate day = current.through().plusDays(1);
             !day.isAfter(yesterday) && written.size() < RollupUseCase.DAYS_PER_RUN; day = day.plusDays(1)) {
            explore.replaceDay(compute(brand, day));
            Marks next = new Marks(current.first(), day);
            if (!explore.moveMarks(brand, Optional.of(current), next)) {
                return new Run(written, List.of());
            }
            current = next;
            written.add(day);
        }
        List<LocalDate> differences = new ArrayList<>();
        for (LocalDate day : List.of(yesterday.minusDays(1), yesterday)) {
            if (!day.isBefore(current.first()) && !day.isAfter(current.through()) && !written.contains(day)
                    && replaceIfChanged(brand, day)) {
                differences.add(day);
            }
        }
        return new Run(written, differences);
    }

    private Optional<Marks> start(BrandId brand, LocalDate yesterday) {
        Optional<Marks> marks = explore.marks(brand);
        if (marks.isPresent()) {
            return marks;
        }
        Optional<LocalDate> oldest = activity.oldest(brand)
                .map(t -> LocalDate.ofInstant(t, configs.apply(brand).zone()));
        if (oldest.isEmpty() || oldest.get().isAfter(yesterday)) {
            return Optional.empty();
        }
        Marks start = new Marks(oldest.get(), oldest.get().minusDays(1));
        return explore.moveMarks(brand, Optional.empty(), start) ? Optional.of(start) : explore.marks(brand);
    }

    /** An entry older than the first stored day came in: the days from it up to the first are stored, then the mark. */
    private Marks extendBack(BrandId brand, Marks marks, LocalDate day) {
        for (LocalDate d = day; d.isBefore(marks.first()); d = d.plusDays(1)) {
            explore.replaceDay(compute(brand, d));
        }
        Marks moved = new Marks(day, marks.through());
        return explore.moveMarks(brand, Optional.of(marks), moved) ? moved : explore.marks(brand).orElse(marks);
    }

    private boolean replaceIfChanged(BrandId brand, LocalDate day) {
        ExploreDay computed = compute(brand, day);
        ExploreDay stored = explore.days(brand, day, day).stream().findFirst().orElse(ExploreDay.empty(brand, day));
        if (stored.cells().equals(computed.cells()) && stored.sales().equals(computed.sales())) {
            return false;
        }
        explore.replaceDay(computed);
        return true;
    }

    /**
     * The days {@code [from, to]} up to today, one per day (empty days included): stored where the job stored them,
     * computed from the activity log otherwise.
     */
    public List<ExploreDay> days(BrandId brand, LocalDate from, LocalDate to) {
        LocalDate today = today(brand);
        LocalDate last = to.isAfter(today) ? today : to;
        Optional<Marks> marks = explore.marks(brand);
        Map<LocalDate, ExploreDay> stored = new TreeMap<>();
        if (marks.isPresent() && !from.isAfter(marks.get().through())) {
            LocalDate end = last.isAfter(marks.get().through()) ? marks.get().through() : last;
            for (LocalDate start = from; !start.isAfter(end); start = start.plusDays(ExplorePort.MAX_DAYS)) {
                LocalDate stop = start.plusDays(ExplorePort.MAX_DAYS - 1L);
                explore.days(brand, start, stop.isAfter(end) ? end : stop).forEach(d -> stored.put(d.day(), d));
            }
        }
        List<ExploreDay> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(last); day = day.plusDays(1)) {
            boolean inStore = marks.isPresent() && !day.isAfter(marks.get().through());
            boolean beforeAll = marks.isPresent() && day.isBefore(marks.get().first());
            days.add(inStore || beforeAll ? stored.getOrDefault(day, ExploreDay.empty(brand, day)) : compute(brand, day));
        }
        return days;
    }
}
