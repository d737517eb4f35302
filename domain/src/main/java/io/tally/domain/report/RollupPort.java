package io.tally.domain.report;

import io.tally.domain.tenant.BrandId;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The stored accounting rollups of a brand: days, month openings and the marks. Every write replaces whole items with
 * values computed from the ledger (the activity log), so writing the same value again changes nothing: no counter is
 * fed by a message that may come twice.
 */
public interface RollupPort {
    /** Replaces the stored day with this one (cells no longer there are removed). */
    void replaceDay(DayRollup day);

    /** The month's stored days (ascending) and its stored opening (not its total): one query of the month. */
    Month month(BrandId brand, YearMonth month);

    /** Replaces the stored opening of the month. */
    void replaceOpening(Opening opening);

    /** The month's stored opening alone, without its days: one small read. */
    Optional<Opening> opening(BrandId brand, YearMonth month);

    /** Replaces the stored total of the month (the sum of its days). */
    void replaceTotal(MonthTotal total);

    /** The month's stored total alone, without its days: one small read (a year's accounting reads twelve). */
    Optional<MonthTotal> total(BrandId brand, YearMonth month);

    Optional<RollupMarks> marks(BrandId brand);

    /**
     * Replaces the marks if they are still {@code expected} (empty: none stored yet); false when someone else moved
     * them first (two job runs at once), in which case the caller reads them again.
     */
    boolean moveMarks(BrandId brand, Optional<RollupMarks> expected, RollupMarks next);

    /**
     * Notes that an entry of {@code day} reached the activity log after the day had ended (a relayed event, an expiry
     * the sweeper dated back), with a fresh {@code token} each time: the job rolls the day up again.
     */
    void noteLate(BrandId brand, LocalDate day, String token);

    /** The days noted late and each note's current token. */
    Map<LocalDate, String> lateDays(BrandId brand);

    /** Removes the note if its token is still {@code token} (no later entry of the day came in meanwhile). */
    boolean clearLate(BrandId brand, LocalDate day, String token);

    /** One month as stored. */
    record Month(YearMonth month, List<DayRollup> days, Optional<Opening> opening) {
        public Month {
            Objects.requireNonNull(month, "month");
            days = List.copyOf(days);
            Objects.requireNonNull(opening, "opening");
        }
    }
}
