package io.tally.domain.fakes;

import io.tally.domain.card.CardNumber;
import io.tally.domain.engagement.score.CustomerScoresPort;
import io.tally.domain.engagement.score.ScoreBreakdown;
import io.tally.domain.engagement.score.StoredScore;
import io.tally.domain.tenant.BrandId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link CustomerScoresPort}, with the adapter's rules; counts the score writes. */
public final class InMemoryCustomerScores implements CustomerScoresPort {
    private final Map<String, StoredScore> scores = new ConcurrentHashMap<>();
    private final Map<BrandId, ScoreBreakdown> breakdowns = new ConcurrentHashMap<>();
    private int scoreWrites;

    @Override
    public Optional<StoredScore> score(BrandId brand, CardNumber card) {
        return Optional.ofNullable(scores.get(brand.value() + "|" + card.value()));
    }

    @Override
    public synchronized void putScore(StoredScore score) {
        scoreWrites++;
        scores.merge(score.brand().value() + "|" + score.card().value(), score,
                (old, next) -> old.asOf().isAfter(next.asOf()) ? old : next);
    }

    @Override
    public Optional<ScoreBreakdown> breakdown(BrandId brand) {
        return Optional.ofNullable(breakdowns.get(brand));
    }

    @Override
    public synchronized void putBreakdown(ScoreBreakdown breakdown) {
        breakdowns.merge(breakdown.brand(), breakdown, (old, next) -> old.asOf().isAfter(next.asOf()) ? old : next);
    }

    public synchronized int scoreWrites() {
        return scoreWrites;
    }
}
