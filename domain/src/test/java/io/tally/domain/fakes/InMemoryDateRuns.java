package io.tally.domain.fakes;

import io.tally.domain.communication.rule.DateRun;
import io.tally.domain.communication.rule.DateRunsPort;
import io.tally.domain.tenant.BrandId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link DateRunsPort}, with the adapter's version condition. */
public final class InMemoryDateRuns implements DateRunsPort {
    private final Map<BrandId, DateRun> runs = new ConcurrentHashMap<>();

    @Override
    public Optional<DateRun> find(BrandId brand) {
        return Optional.ofNullable(runs.get(brand));
    }

    @Override
    public synchronized boolean save(DateRun next) {
        long stored = find(next.brand()).map(DateRun::version).orElse(0L);
        if (stored != next.version() - 1) {
            return false;
        }
        runs.put(next.brand(), next);
        return true;
    }
}
