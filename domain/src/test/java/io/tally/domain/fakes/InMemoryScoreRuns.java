package io.tally.domain.fakes;

import io.tally.domain.engagement.score.ScoreRun;
import io.tally.domain.engagement.score.ScoreRunsPort;
import io.tally.domain.tenant.BrandId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link ScoreRunsPort}, with the adapter's version condition. */
public final class InMemoryScoreRuns implements ScoreRunsPort {
    private final Map<BrandId, ScoreRun> runs = new ConcurrentHashMap<>();

    @Override
    public Optional<ScoreRun> find(BrandId brand) {
        return Optional.ofNullable(runs.get(brand));
    }

    @Override
    public synchronized boolean save(ScoreRun next) {
        long stored = find(next.brand()).map(ScoreRun::version).orElse(0L);
        if (stored != next.version() - 1) {
            return false;
        }
        runs.put(next.brand(), next);
        return true;
    }
}
