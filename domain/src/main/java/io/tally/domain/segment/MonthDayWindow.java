package io.tally.domain.segment;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

/**
 * Days of the year, month and day only, for occasions: fixed ({@code from} to {@code to}, inclusive, wrapping over the
 * new year when {@code from} is later, e.g. 20 December to 5 January) or upcoming (today and the next {@code
 * daysAhead} days: 0 is "today"). Every date is placed in the evaluation year with {@link MonthDay#atYear}, so in a
 * year without 29 February a 29 February birthday (or a window ending on 29 February) falls on 28 February.
 */
public record MonthDayWindow(Optional<MonthDay> from, Optional<MonthDay> to, int daysAhead) {
    /** Upper bound of {@code daysAhead}. */
    public static final int MAX_DAYS_AHEAD = 366;

    public MonthDayWindow {
        if (from.isPresent() != to.isPresent()) {
            throw new IllegalArgumentException("a fixed window has both a first and a last day");
        }
        if (daysAhead < 0 || daysAhead > MAX_DAYS_AHEAD) {
            throw new IllegalArgumentException("days ahead 0.." + MAX_DAYS_AHEAD + ": " + daysAhead);
        }
    }

    public static MonthDayWindow between(MonthDay from, MonthDay to) {
        return new MonthDayWindow(Optional.of(from), Optional.of(to), 0);
    }

    public static MonthDayWindow upcoming(int daysAhead) {
        return new MonthDayWindow(Optional.empty(), Optional.empty(), daysAhead);
    }

    public boolean fixed() {
        return from.isPresent();
    }

    /** Whether the occasion {@code date} (its year ignored) falls in this window as seen on {@code today}. */
    public boolean contains(LocalDate date, LocalDate today) {
        MonthDay occasion = MonthDay.from(date);
        if (fixed()) {
            int year = today.getYear();
            LocalDate day = occasion.atYear(year);
            LocalDate first = from.get().atYear(year);
            LocalDate last = to.get().atYear(year);
            return first.isAfter(last) ? !day.isBefore(first) || !day.isAfter(last)
                    : !day.isBefore(first) && !day.isAfter(last);
        }
        for (int i = 0; i <= daysAhead; i++) {
            LocalDate day = today.plusDays(i);
            if (occasion.atYear(day.getYear()).equals(day)) {
                return true;
            }
        }
        return false;
    }
}
