package io.tally.domain.fakes;

import io.tally.domain.engagement.score.ScoreSettings;
import io.tally.domain.engagement.score.ScoreSettingsPort;
import io.tally.domain.tenant.BrandId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link ScoreSettingsPort}, with the adapter's version condition. */
public final class InMemoryScoreSettings implements ScoreSettingsPort {
    private final Map<BrandId, ScoreSettings> settings = new ConcurrentHashMap<>();

    @Override
    public Optional<ScoreSettings> find(BrandId brand) {
        return Optional.ofNullable(settings.get(brand));
    }

    @Override
    public synchronized boolean save(ScoreSettings next) {
        long stored = find(next.brand()).map(ScoreSettings::version).orElse(0L);
        if (next.version() < 1 || stored != next.version() - 1) {
            return false;
        }
        settings.put(next.brand(), next);
        return true;
    }
}
