package io.tally.backoffice.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tally.backoffice.search.ServiceViews.Fact;
import io.tally.domain.card.CardNumber;
import io.tally.domain.engagement.score.CustomerScore;
import io.tally.domain.engagement.score.ScoreRanges;
import io.tally.domain.engagement.score.StoredScore;
import io.tally.domain.tenant.BrandId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The card page's customer score line: the total, its range and its four parts, or that the job has not scored it. */
class ScoreFactTest {
    @Test
    void the_score_shows_its_range_parts_and_day() {
        StoredScore s = new StoredScore(new BrandId("b"), new CardNumber("4111111111111111"), LocalDate.of(2026, 12, 1),
                new CustomerScore(25, 10, 12, 5));
        assertEquals(new Fact("Customer score", "52 (Regulars, 51-75; recency 25, frequency 10, spend 12, engagement 5;"
                + " as of 2026-12-01)"), EngagementViews.score(Optional.of(s)));
        assertEquals(new Fact("Customer score", "0 (no activity; recency 0, frequency 0, spend 0, engagement 0; as of"
                + " 2026-12-01)"), EngagementViews.score(Optional.of(new StoredScore(s.brand(), s.card(), s.asOf(),
                new CustomerScore(0, 0, 0, 0)))));
        assertEquals(new Fact("Customer score", "not scored yet"), EngagementViews.score(Optional.empty()));
        ScoreRanges brands = new ScoreRanges(List.of(new ScoreRanges.Range(1, 52, "Quiet"),
                new ScoreRanges.Range(53, 100, "Loud")));
        assertEquals(new Fact("Customer score", "52 (Quiet, 1-52; recency 25, frequency 10, spend 12, engagement 5;"
                + " as of 2026-12-01)"), EngagementViews.score(Optional.of(s), brands), "the brand's own range names");
    }
}
