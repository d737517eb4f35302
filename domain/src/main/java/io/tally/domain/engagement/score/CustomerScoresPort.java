package io.tally.domain.engagement.score;

import io.tally.domain.card.CardNumber;
import io.tally.domain.tenant.BrandId;
import java.util.Optional;

/**
 * The customer scores the scoring job stores (issue 14): one per card, rewritten only when it changed, for the card's
 * page and the segment filter on score; and one breakdown per brand for Explore Data.
 */
public interface CustomerScoresPort {
    /** The card's stored score; empty before the job first scored it. */
    Optional<StoredScore> score(BrandId brand, CardNumber card);

    /** Stores (replaces) the card's score unless a score of a later day is stored (an overlapping older run). */
    void putScore(StoredScore score);

    /** The brand's newest breakdown; empty before the job's first run over the brand. */
    Optional<ScoreBreakdown> breakdown(BrandId brand);

    /** Stores the brand's breakdown unless a breakdown of a later day is stored already. */
    void putBreakdown(ScoreBreakdown breakdown);
}
