package io.tally.domain.communication.rule;

import io.tally.domain.card.walk.CardWalk;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The date rules' run over one brand for one day of the brand's zone (A139, A140), carried across invocations: the day,
 * the first day whose occasions it fires ({@code from}: the day after the previous run's, at most
 * {@link DateRulesUseCase#CATCH_UP_DAYS} before {@code day}), the cursor of its walk over the brand's cards, the cards
 * read and rules fired so far, and whether the walk is done. Each page moves it on by one write conditional on
 * {@link #version}, so a page is walked to its end once whichever invocation (crashed, duplicated, overlapping) got
 * there first; the sends of a page walked again are the same message ids.
 */
public record DateRun(BrandId brand, LocalDate day, LocalDate from, CardWalk.Cursor cursor, boolean done, long cards,
                      long fired, long pages, Instant startedAt, Instant updatedAt, long version) {
    public DateRun {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (from.isAfter(day) || from.isBefore(day.minusDays(DateRulesUseCase.CATCH_UP_DAYS))) {
            throw new IllegalArgumentException("a run fires the occasions of its day and at most "
                    + DateRulesUseCase.CATCH_UP_DAYS + " days before");
        }
        if (cards < 0 || fired < 0 || pages < 0 || version < 1) {
            throw new IllegalArgumentException("a run counts from 0 and has a version from 1");
        }
    }

    /**
     * A new run of {@code day} following {@code previous}: its occasions from the day after the previous run's (the days
     * the job did not run caught up), at most {@link DateRulesUseCase#CATCH_UP_DAYS} back. The first run of a brand
     * (version 1) fires its own day's occasions only: the days before belong to whatever ran before it (the job before
     * the runs were stored named lapse triggers by UTC day, so looking back would send them again under new ids).
     */
    public static DateRun start(BrandId brand, LocalDate day, Instant now, Optional<DateRun> previous) {
        LocalDate bound = day.minusDays(DateRulesUseCase.CATCH_UP_DAYS);
        LocalDate from = previous.map(p -> p.day().plusDays(1)).map(d -> d.isAfter(bound) ? d : bound).orElse(day);
        return new DateRun(brand, day, from, CardWalk.Cursor.START, false, 0, 0, 0, now, now,
                previous.map(p -> p.version() + 1).orElse(1L));
    }

    /** The run after one more page: its cards and firings counted, the cursor at {@code next}, or done. */
    DateRun advanced(long pageCards, long pageFired, CardWalk.Cursor next, boolean finished, Instant now) {
        return new DateRun(brand, day, from, next, finished, Math.addExact(cards, pageCards),
                Math.addExact(fired, pageFired), pages + 1, startedAt, now, version + 1);
    }

    /** The run closed at once: the brand has no active date rule, so there is nothing to walk. */
    DateRun closed(Instant now) {
        return new DateRun(brand, day, from, cursor, true, cards, fired, pages, startedAt, now, version + 1);
    }
}
