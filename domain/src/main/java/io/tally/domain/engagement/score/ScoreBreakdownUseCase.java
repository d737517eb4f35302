package io.tally.domain.engagement.score;

import io.tally.domain.staff.Permission;
import io.tally.domain.staff.StaffScope;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Explore Data's customer score breakdown (EXPLORE_DATA): the brand's cards per named score range, from the newest
 * breakdown the scoring job stored. Brand-wide only: scores are kept per card, not per location, so a manager limited
 * to some locations gets none. The brand's range names ({@link ScoreSettingsPort}, the defaults without any) are
 * applied when shown, so renamed or re-cut ranges show at once, over the stored breakdown.
 */
public final class ScoreBreakdownUseCase {
    private final CustomerScoresPort scores;
    private final ScoreSettingsPort settings;

    public ScoreBreakdownUseCase(CustomerScoresPort scores, ScoreSettingsPort settings) {
        this.scores = scores;
        this.settings = settings;
    }

    /** The breakdown as of {@code asOf} (the day the job scored), a line per range then the cards scored 0. */
    public record Breakdown(LocalDate asOf, long cards, List<ScoreBreakdown.Line> lines) {
        public Breakdown {
            lines = List.copyOf(lines);
        }
    }

    /** Empty without the permission, for a location-limited scope, or before the job's first run over the brand. */
    public Optional<Breakdown> breakdown(StaffScope scope) {
        if (!scope.can(Permission.EXPLORE_DATA) || !scope.brandWide()) {
            return Optional.empty();
        }
        return scores.breakdown(scope.brand()).map(b -> new Breakdown(b.asOf(), b.cards(),
                b.perRange(settings.settings(scope.brand()).ranges())));
    }
}
