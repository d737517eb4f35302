package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.report.BalanceCell;
import io.tally.domain.report.DayRollup;
import io.tally.domain.report.Flow;
import io.tally.domain.report.MonthTotal;
import io.tally.domain.report.Opening;
import io.tally.domain.report.RollupCell;
import io.tally.domain.report.RollupMarks;
import io.tally.domain.report.RollupPort;
import io.tally.domain.tenant.BrandId;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What every {@link RollupPort} must do. Subclass it per implementation (in-memory fake, DynamoDB adapter). */
public abstract class RollupContract {
    protected abstract RollupPort port();

    protected final BrandId brand = ContractData.freshBrand();
    protected static final YearMonth DECEMBER = YearMonth.of(2026, 12);

    /** A day with {@code n} cells over locations, programs, card sets, types and value types (texts as events carry). */
    protected DayRollup day(LocalDate date, int n, long seed) {
        TreeMap<RollupCell, Flow> cells = new TreeMap<>();
        String[] types = {"issue", "redeem", "adjust", "void", "expire", "checkout"};
        for (int i = 0; i < n; i++) {
            String valueType = i % 7 == 0 ? "" : i % 2 == 0 ? "Currency:USD" : "Points";
            long amount = valueType.isEmpty() ? 0 : seed * 1_000 + i;
            cells.put(new RollupCell("LOC" + (i % 97), "prog-" + (i / 97 % 2), "set-" + (i / 194 % 3),
                    types[i / 582 % types.length] + (i / 3492 == 0 ? "" : Integer.toString(i / 3492)), valueType),
                    new Flow(amount, amount / 3, 1 + i % 5));
        }
        return new DayRollup(brand, date, cells);
    }

    @Test
    void a_stored_day_comes_back_in_its_month_in_day_order() {
        port().replaceDay(day(DECEMBER.atDay(12), 40, 2));
        port().replaceDay(day(DECEMBER.atDay(3), 30, 1));
        port().replaceDay(DayRollup.empty(brand, DECEMBER.atDay(31)));
        port().replaceDay(day(DECEMBER.plusMonths(1).atDay(1), 5, 3));

        RollupPort.Month month = port().month(brand, DECEMBER);
        assertEquals(DECEMBER, month.month());
        assertEquals(List.of(DECEMBER.atDay(3), DECEMBER.atDay(12), DECEMBER.atDay(31)),
                month.days().stream().map(DayRollup::day).toList());
        assertEquals(day(DECEMBER.atDay(3), 30, 1), month.days().get(0));
        assertEquals(day(DECEMBER.atDay(12), 40, 2), month.days().get(1));
        assertTrue(month.days().get(2).cells().isEmpty(), "an empty day is stored as empty");
        assertEquals(Optional.empty(), month.opening());
        assertTrue(port().month(brand, DECEMBER.minusMonths(1)).days().isEmpty());
    }

    @Test
    void replacing_a_day_replaces_it_whole_and_cells_no_longer_there_vanish() {
        LocalDate d = DECEMBER.atDay(5);
        port().replaceDay(day(d, 50, 1));
        DayRollup smaller = day(d, 10, 2);
        port().replaceDay(smaller);
        assertEquals(List.of(smaller), port().month(brand, DECEMBER).days());

        port().replaceDay(smaller);
        assertEquals(List.of(smaller), port().month(brand, DECEMBER).days(), "the same value again changes nothing");

        port().replaceDay(DayRollup.empty(brand, d));
        assertEquals(List.of(DayRollup.empty(brand, d)), port().month(brand, DECEMBER).days());
    }

    @Test
    void texts_with_separators_round_trip() {
        TreeMap<RollupCell, Flow> cells = new TreeMap<>();
        cells.put(new RollupCell("a\tb", "p\\q", "", "issue", "Currency:USD"), new Flow(5, 0, 1));
        cells.put(new RollupCell("", "", "x#y|z,\"w\"", "redeem", ""), new Flow(0, 0, 2));
        DayRollup d = new DayRollup(brand, DECEMBER.atDay(1), cells);
        port().replaceDay(d);
        assertEquals(List.of(d), port().month(brand, DECEMBER).days());
    }

    @Test
    void a_large_day_round_trips() {
        DayRollup large = day(DECEMBER.atDay(20), 20_000, 7);
        assertEquals(20_000, large.cells().size());
        port().replaceDay(large);
        assertEquals(List.of(large), port().month(brand, DECEMBER).days());

        DayRollup other = day(DECEMBER.atDay(20), 19_000, 8);
        port().replaceDay(other);
        assertEquals(List.of(other), port().month(brand, DECEMBER).days());
    }

    @Test
    void the_opening_is_replaced_whole_and_read_with_its_month() {
        TreeMap<BalanceCell, Long> balances = new TreeMap<>();
        balances.put(new BalanceCell("LOC1", "gift", "set-1", "Currency:USD"), 12_345L);
        balances.put(new BalanceCell("", "loyalty", "", "Points"), -7L);
        port().replaceOpening(new Opening(brand, DECEMBER, balances));
        port().replaceDay(day(DECEMBER.atDay(2), 3, 1));

        RollupPort.Month month = port().month(brand, DECEMBER);
        assertEquals(Optional.of(new Opening(brand, DECEMBER, balances)), month.opening());
        assertEquals(Optional.of(new Opening(brand, DECEMBER, balances)), port().opening(brand, DECEMBER), "read alone");
        assertEquals(1, month.days().size());

        Opening replaced = new Opening(brand, DECEMBER, Map.of(new BalanceCell("LOC2", "gift", "", "Currency:USD"), 1L)
                .entrySet().stream().collect(TreeMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll));
        port().replaceOpening(replaced);
        assertEquals(Optional.of(replaced), port().month(brand, DECEMBER).opening());
        port().replaceOpening(Opening.empty(brand, DECEMBER));
        assertEquals(Optional.of(Opening.empty(brand, DECEMBER)), port().month(brand, DECEMBER).opening());
        assertEquals(Optional.empty(), port().month(brand, DECEMBER.plusMonths(1)).opening());
        assertEquals(Optional.empty(), port().opening(brand, DECEMBER.plusMonths(1)));
    }

    @Test
    void a_months_total_is_read_alone_replaced_whole_and_never_mixed_with_its_days() {
        port().replaceDay(day(DECEMBER.atDay(2), 30, 1));
        port().replaceDay(day(DECEMBER.atDay(9), 20, 2));
        MonthTotal total = MonthTotal.of(brand, DECEMBER, port().month(brand, DECEMBER).days());
        assertEquals(Optional.empty(), port().total(brand, DECEMBER));
        port().replaceTotal(total);
        assertEquals(Optional.of(total), port().total(brand, DECEMBER));
        assertEquals(2, port().month(brand, DECEMBER).days().size(), "the total is not a day of the month");

        MonthTotal large = new MonthTotal(brand, DECEMBER, day(DECEMBER.atDay(1), 20_000, 3).cells());
        port().replaceTotal(large);
        assertEquals(Optional.of(large), port().total(brand, DECEMBER));
        port().replaceTotal(new MonthTotal(brand, DECEMBER, new TreeMap<>()));
        assertEquals(Optional.of(new MonthTotal(brand, DECEMBER, new TreeMap<>())), port().total(brand, DECEMBER));
        assertEquals(Optional.empty(), port().total(brand, DECEMBER.plusMonths(1)));
        assertEquals(Optional.empty(), port().total(ContractData.freshBrand(), DECEMBER));
    }

    @Test
    void marks_move_only_from_what_the_mover_expected() {
        assertEquals(Optional.empty(), port().marks(brand));
        RollupMarks start = new RollupMarks(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 4), Optional.empty());
        assertTrue(port().moveMarks(brand, Optional.empty(), start));
        assertFalse(port().moveMarks(brand, Optional.empty(), start), "a second first run loses");
        assertEquals(Optional.of(start), port().marks(brand));

        RollupMarks stale = new RollupMarks(start.first(), LocalDate.of(2026, 3, 1), Optional.of(YearMonth.of(2026, 2)));
        assertTrue(port().moveMarks(brand, Optional.of(start), stale));
        assertFalse(port().moveMarks(brand, Optional.of(start), start), "moved meanwhile");
        RollupMarks wrongStale = new RollupMarks(stale.first(), stale.through(), Optional.of(YearMonth.of(2026, 3)));
        assertFalse(port().moveMarks(brand, Optional.of(wrongStale), start), "the stale month is part of the value");
        RollupMarks cleared = new RollupMarks(stale.first(), stale.through(), Optional.empty());
        assertFalse(port().moveMarks(brand, Optional.of(cleared), start), "absent stale month is part of the value too");
        assertTrue(port().moveMarks(brand, Optional.of(stale), cleared));
        assertEquals(Optional.of(cleared), port().marks(brand));
    }

    @Test
    void a_late_note_is_cleared_only_with_its_current_token() {
        LocalDate d1 = LocalDate.of(2026, 11, 30);
        LocalDate d2 = LocalDate.of(2026, 12, 1);
        assertEquals(Map.of(), port().lateDays(brand));
        port().noteLate(brand, d1, "t1");
        port().noteLate(brand, d2, "t2");
        port().noteLate(brand, d1, "t3");
        assertEquals(Map.of(d1, "t3", d2, "t2"), port().lateDays(brand));

        assertFalse(port().clearLate(brand, d1, "t1"), "a later entry of the day came in meanwhile");
        assertTrue(port().clearLate(brand, d1, "t3"));
        assertFalse(port().clearLate(brand, d1, "t3"), "already cleared");
        assertEquals(Map.of(d2, "t2"), port().lateDays(brand));
    }

    @Test
    void brands_are_apart() {
        BrandId other = ContractData.freshBrand();
        port().replaceDay(day(DECEMBER.atDay(1), 4, 1));
        port().replaceOpening(new Opening(brand, DECEMBER, new TreeMap<>(Map.of(new BalanceCell("", "", "", "Points"), 3L))));
        port().moveMarks(brand, Optional.empty(), new RollupMarks(DECEMBER.atDay(1), DECEMBER.atDay(1), Optional.empty()));
        port().noteLate(brand, DECEMBER.atDay(1), "t");

        assertTrue(port().month(other, DECEMBER).days().isEmpty());
        assertEquals(Optional.empty(), port().month(other, DECEMBER).opening());
        assertEquals(Optional.empty(), port().marks(other));
        assertEquals(Map.of(), port().lateDays(other));
        assertFalse(port().clearLate(other, DECEMBER.atDay(1), "t"));
        assertEquals(1, port().lateDays(brand).size());
    }
}
