package io.tally.backoffice.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tally.domain.engagement.score.ScoreBreakdown;
import io.tally.domain.engagement.score.ScoreBreakdownUseCase.Breakdown;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The score breakdown's chart table is the breakdown: a row per named range, then the cards scored 0. */
class ScoreChartTest {
    @Test
    void the_table_has_a_row_per_range_with_its_cards() {
        Breakdown b = new Breakdown(LocalDate.of(2026, 12, 1), 10, List.of(new ScoreBreakdown.Line("Newbies", "1-25", 3),
                new ScoreBreakdown.Line("Climbers", "26-50", 0), new ScoreBreakdown.Line("Regulars", "51-75", 1),
                new ScoreBreakdown.Line("Rockstars", "76-100", 2), new ScoreBreakdown.Line("No activity", "0", 4)));

        Chart chart = ExplorePages.scoreChart(b);

        assertEquals("Score range", chart.axis());
        assertEquals(List.of(new Chart.Row("Newbies (1-25)", List.of("3")), new Chart.Row("Climbers (26-50)", List.of("0")),
                new Chart.Row("Regulars (51-75)", List.of("1")), new Chart.Row("Rockstars (76-100)", List.of("2")),
                new Chart.Row("No activity (0)", List.of("4"))), chart.rows());
    }
}
