package io.tally.backoffice.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The server-side chart: a marker per day and series at the right height, carrying the figure its table shows. */
class ChartTest {
    @Test
    void each_marker_carries_its_days_figure_as_the_table_writes_it_and_sits_at_its_height() {
        Chart c = Chart.of("gift", "Gift", "d", "USD", List.of("2026-11-30", "2026-12-01", "2026-12-02"), List.of(
                new Chart.Series("Issued", List.of(0L, 2500L, 1000L), v -> Figures.amount(v, 2)),
                new Chart.Series("Redeemed", List.of(300L, 0L, 0L), v -> Figures.amount(v, 2))));
        assertEquals(List.of(new Chart.Row("2026-11-30", List.of("0.00", "3.00")),
                new Chart.Row("2026-12-01", List.of("25.00", "0.00")), new Chart.Row("2026-12-02", List.of("10.00", "0.00"))),
                c.rows());
        assertEquals(4000, Chart.niceTop(2500), "the axis tops at 40.00");
        Chart.Point top = c.lines().get(0).markers().get(1);
        assertEquals(c.plotBottom() - (c.plotBottom() - c.plotTop()) * 0.625, top.y(), 0.1, "25.00 of 40.00");
        assertEquals(c.plotBottom(), c.lines().get(0).markers().get(0).y(), 0.1);
        assertTrue(c.lines().get(0).dash() == null && c.lines().get(1).dash() != null, "solid and dashed");
        assertTrue(!c.lines().get(0).squares() && c.lines().get(1).squares(), "circles and squares");
        assertEquals(List.of("0.00", "10.00", "20.00", "30.00", "40.00"), c.yTicks().stream().map(Chart.Tick::label).toList());
    }

    @Test
    void every_axis_label_is_an_exact_figure() {
        Chart c = Chart.of("visits", "Visits", "d", "visits", List.of("2026-12-01", "2026-12-02"), List.of(
                new Chart.Series("Visits", List.of(49L, 3L), Long::toString)));
        assertEquals(List.of("0", "10", "20", "30", "40", "50"), c.yTicks().stream().map(Chart.Tick::label).toList());
        assertEquals(List.of("start", "end"), c.xTicks().stream().map(Chart.Tick::anchor).toList(), "both ends inside");
    }

    @Test
    void rates_and_quantities_are_written_exactly() {
        assertEquals("40.0 %", Figures.percent(1000, 2500));
        assertEquals("n/a", Figures.percent(1, 0));
        assertEquals("1.5", Figures.quantity(1500));
        assertEquals("30", Figures.quantity(30000));
        assertEquals("8.25", Figures.average(1650, 2, 2));
    }
}
