package io.tally.domain.engagement.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.engagement.score.ScoreRanges.Range;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScoreRangesTest {
    @Test
    void the_default_ranges_are_the_glossarys_quarters() {
        assertEquals(List.of("1-25", "26-50", "51-75", "76-100"),
                ScoreRanges.DEFAULT.ranges().stream().map(Range::label).toList());
        assertEquals(Optional.empty(), ScoreRanges.DEFAULT.of(0));
        assertEquals("Newbies", ScoreRanges.DEFAULT.of(1).orElseThrow().name());
        assertEquals("Newbies", ScoreRanges.DEFAULT.of(25).orElseThrow().name());
        assertEquals("Climbers", ScoreRanges.DEFAULT.of(26).orElseThrow().name());
        assertEquals("Rockstars", ScoreRanges.DEFAULT.of(100).orElseThrow().name());
        assertEquals(Optional.empty(), ScoreRanges.DEFAULT.of(101));
    }

    @Test
    void ranges_may_be_renamed_and_cut_differently() {
        ScoreRanges two = new ScoreRanges(List.of(new Range(1, 60, "Casual"), new Range(61, 100, "Fans")));
        assertEquals("Fans", two.of(61).orElseThrow().name());
    }

    @Test
    void ranges_with_gaps_overlaps_or_short_coverage_are_refused() {
        List<List<Range>> bad = List.of(
                List.of(),
                List.of(new Range(0, 100, "All")),
                List.of(new Range(2, 100, "All")),
                List.of(new Range(1, 50, "A"), new Range(52, 100, "B")),
                List.of(new Range(1, 50, "A"), new Range(50, 100, "B")),
                List.of(new Range(1, 99, "A")),
                List.of(new Range(1, 101, "A")),
                List.of(new Range(1, 50, "A"), new Range(51, 40, "B"), new Range(41, 100, "C")),
                List.of(new Range(1, 100, " ")),
                List.of(new Range(1, 100, " padded")),
                List.of(new Range(1, 100, "x".repeat(ScoreRanges.MAX_NAME + 1))));
        for (List<Range> ranges : bad) {
            assertTrue(ScoreRanges.problem(ranges).isPresent(), ranges.toString());
            assertThrows(IllegalArgumentException.class, () -> new ScoreRanges(ranges));
        }
        assertEquals(Optional.empty(), ScoreRanges.problem(List.of(new Range(1, 100, "Everyone"))));
    }
}
