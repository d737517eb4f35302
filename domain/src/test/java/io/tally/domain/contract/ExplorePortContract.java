package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.report.Engagement;
import io.tally.domain.report.ExploreCell;
import io.tally.domain.report.ExploreDay;
import io.tally.domain.report.ExplorePort;
import io.tally.domain.report.Sales;
import io.tally.domain.tenant.BrandId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every {@link ExplorePort} must do; run against the fake and against DynamoDB. */
public abstract class ExplorePortContract {
    private static final AtomicInteger BRANDS = new AtomicInteger();
    private final BrandId brand = new BrandId("ACME-X" + BRANDS.incrementAndGet());
    private final BrandId other = new BrandId("OTHER-X" + BRANDS.incrementAndGet());
    private static final LocalDate D1 = LocalDate.of(2026, 11, 30);
    private static final LocalDate D2 = LocalDate.of(2026, 12, 1);

    protected abstract ExplorePort port();

    private ExploreDay day(BrandId b, LocalDate d, long visits, boolean sold) {
        TreeMap<ExploreCell, Engagement> cells = new TreeMap<>();
        cells.put(new ExploreCell("store-1", "gift"), new Engagement(1, visits, 3, 1, 1, 2500, 1000));
        cells.put(new ExploreCell("", "loyalty"), new Engagement(0, 2, 2, 2, 0, 0, 0));
        TreeMap<String, Sales> sales = new TreeMap<>();
        if (sold) {
            sales.put("store-1", new Sales(2, 2500, 3500, new TreeMap<>(Map.of("COFFEE-L", 3000L, "BAGEL", 500L))));
        }
        return new ExploreDay(b, d, cells, sales);
    }

    @Test
    void a_stored_day_reads_back_as_written_and_replacing_it_drops_what_is_gone() {
        ExploreDay first = day(brand, D1, 4, true);
        port().replaceDay(first);
        assertEquals(List.of(first), port().days(brand, D1, D1));
        ExploreDay smaller = new ExploreDay(brand, D1, new TreeMap<>(Map.of(new ExploreCell("store-2", "gift"),
                new Engagement(0, 1, 1, 0, 1, 0, 0))), new TreeMap<>());
        port().replaceDay(smaller);
        assertEquals(List.of(smaller), port().days(brand, D1, D1));
        port().replaceDay(smaller);
        assertEquals(List.of(smaller), port().days(brand, D1, D1), "writing the same day again changes nothing");
    }

    @Test
    void a_period_holds_its_stored_days_in_order_and_nothing_of_another_brand() {
        ExploreDay empty = ExploreDay.empty(brand, D1);
        ExploreDay second = day(brand, D2, 1, false);
        port().replaceDay(second);
        port().replaceDay(empty);
        port().replaceDay(day(other, D2, 9, true));
        port().replaceDay(day(brand, D2.plusDays(1), 7, true));
        assertEquals(List.of(empty, second), port().days(brand, D1.minusDays(3), D2));
        assertEquals(List.of(), port().days(brand, D1.minusDays(3), D1.minusDays(1)));
    }

    @Test
    void the_marks_move_only_from_what_the_mover_read() {
        assertEquals(Optional.empty(), port().marks(brand));
        ExplorePort.Marks start = new ExplorePort.Marks(D1, D1.minusDays(1));
        assertTrue(port().moveMarks(brand, Optional.empty(), start));
        assertFalse(port().moveMarks(brand, Optional.empty(), start), "a second first run loses");
        ExplorePort.Marks next = new ExplorePort.Marks(D1, D2);
        assertTrue(port().moveMarks(brand, Optional.of(start), next));
        assertFalse(port().moveMarks(brand, Optional.of(start), new ExplorePort.Marks(D1, D1)));
        assertEquals(Optional.of(next), port().marks(brand));
        assertEquals(Optional.empty(), port().marks(other));
    }
}
