package io.tally.domain.segment;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Days, inclusive, in the brand's zone: fixed dates (either side may be open) or the last {@code lastDays} days up to
 * and including the evaluation day, so a segment evaluated every day keeps meaning "joined in the last 30 days".
 */
public record DateWindow(Optional<LocalDate> from, Optional<LocalDate> to, Optional<Integer> lastDays) {
    /** Upper bound of {@code lastDays}: ten years. */
    public static final int MAX_DAYS = 3660;
    public static final DateWindow ALWAYS = new DateWindow(Optional.empty(), Optional.empty(), Optional.empty());

    public DateWindow {
        if (lastDays.isPresent() && (from.isPresent() || to.isPresent())) {
            throw new IllegalArgumentException("either fixed dates or the last days, not both");
        }
        if (lastDays.isPresent() && (lastDays.get() < 1 || lastDays.get() > MAX_DAYS)) {
            throw new IllegalArgumentException("last days 1.." + MAX_DAYS + ": " + lastDays.get());
        }
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new IllegalArgumentException("from " + from.get() + " is after to " + to.get());
        }
    }

    public static DateWindow between(LocalDate from, LocalDate to) {
        return new DateWindow(Optional.of(from), Optional.of(to), Optional.empty());
    }

    public static DateWindow last(int days) {
        return new DateWindow(Optional.empty(), Optional.empty(), Optional.of(days));
    }

    public boolean contains(LocalDate day, LocalDate today) {
        if (lastDays.isPresent()) {
            return !day.isAfter(today) && day.isAfter(today.minusDays(lastDays.get()));
        }
        return from.map(f -> !day.isBefore(f)).orElse(true) && to.map(t -> !day.isAfter(t)).orElse(true);
    }
}
