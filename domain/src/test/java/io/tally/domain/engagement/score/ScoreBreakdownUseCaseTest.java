package io.tally.domain.engagement.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.fakes.InMemoryCustomerScores;
import io.tally.domain.fakes.InMemoryScoreSettings;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScoreBreakdownUseCaseTest {
    private static final BrandId BRAND = new BrandId("brand-s");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private final InMemoryCustomerScores scores = new InMemoryCustomerScores();
    private final InMemoryScoreSettings settings = new InMemoryScoreSettings();
    private final ScoreBreakdownUseCase useCase = new ScoreBreakdownUseCase(scores, settings);
    private final StaffScope analyst = StaffScope.brandWide(BRAND, new StaffId("a"), "a@example.com", Role.ANALYST);

    @Test
    void the_cards_per_range_add_up_the_scores_at_each_ranges_edges() {
        assertEquals(Optional.empty(), useCase.breakdown(analyst), "before the job's first run");
        List<Long> counts = new ArrayList<>(Collections.nCopies(CustomerScore.MAX + 1, 0L));
        counts.set(0, 4L);
        counts.set(1, 1L);
        counts.set(25, 2L);
        counts.set(26, 3L);
        counts.set(75, 5L);
        counts.set(76, 7L);
        counts.set(100, 11L);
        scores.putBreakdown(new ScoreBreakdown(BRAND, DAY, counts));

        ScoreBreakdownUseCase.Breakdown b = useCase.breakdown(analyst).orElseThrow();

        assertEquals(DAY, b.asOf());
        assertEquals(33, b.cards());
        assertEquals(List.of(new ScoreBreakdown.Line("Newbies", "1-25", 3), new ScoreBreakdown.Line("Climbers", "26-50", 3),
                new ScoreBreakdown.Line("Regulars", "51-75", 5), new ScoreBreakdown.Line("Rockstars", "76-100", 18),
                new ScoreBreakdown.Line("No activity", "0", 4)), b.lines());
    }

    @Test
    void only_brand_wide_staff_with_explore_data_see_it() {
        scores.putBreakdown(new ScoreBreakdown(BRAND, DAY, Collections.nCopies(CustomerScore.MAX + 1, 1L)));
        StaffScope service = StaffScope.brandWide(BRAND, new StaffId("s"), "s@example.com", Role.SERVICE);
        StaffScope manager = new StaffScope(BRAND, new StaffId("m"), "m@example.com", Role.MANAGER,
                Set.of(new LocationGroupId("west")), Optional.of(Set.of(new LocationId("L1"))));
        assertTrue(useCase.breakdown(service).isEmpty());
        assertTrue(useCase.breakdown(manager).isEmpty());
        assertEquals(101, useCase.breakdown(analyst).orElseThrow().cards());
    }

    @Test
    void the_brands_own_range_names_apply_to_the_stored_breakdown_at_once() {
        List<Long> counts = new ArrayList<>(Collections.nCopies(CustomerScore.MAX + 1, 0L));
        counts.set(0, 2L);
        counts.set(10, 1L);
        counts.set(60, 4L);
        scores.putBreakdown(new ScoreBreakdown(BRAND, DAY, counts));
        settings.save(ScoreSettings.defaults(BRAND).changed(new ScoreRanges(List.of(new ScoreRanges.Range(1, 59, "Quiet"),
                new ScoreRanges.Range(60, 100, "Loud"))), CustomerScore.DEFAULT_SPEND_REFERENCE));

        assertEquals(List.of(new ScoreBreakdown.Line("Quiet", "1-59", 1), new ScoreBreakdown.Line("Loud", "60-100", 4),
                new ScoreBreakdown.Line("No activity", "0", 2)), useCase.breakdown(analyst).orElseThrow().lines());
    }
}
