package io.tally.lambda.wiring;

import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A brand's catalogue (programs, value types, card sets) kept per container for a short time. Almost every
 * merchant call reads it, often twice (the method resolves the value type, the use case checks its limits),
 * and it changes only when the brand is provisioned: caching it takes one or two of a redeem's round trips
 * away. A change reaches every container within {@code ttl}. Expiry follows the wall clock, not
 * {@code System.nanoTime}, so entries cached before a SnapStart snapshot are stale after any restore.
 * Empty when {@code ttl} is zero (the local runtime, where a seed is applied and read back at once).
 */
final class CachedPrograms implements LoadProgramsPort {
    private final LoadProgramsPort store;
    private final PerBrandCache<Catalogue> catalogues;
    private final PerBrandCache<Map<CardSetId, Optional<CardSet>>> cardSets;

    CachedPrograms(LoadProgramsPort store, Clock clock, Duration ttl) {
        this.store = store;
        this.catalogues = new PerBrandCache<>(clock, ttl);
        this.cardSets = new PerBrandCache<>(clock, ttl);
    }

    static LoadProgramsPort of(LoadProgramsPort store, Clock clock, Duration ttl) {
        return ttl.isZero() ? store : new CachedPrograms(store, clock, ttl);
    }

    @Override
    public Catalogue catalogue(BrandId brand) {
        return catalogues.get(brand, () -> store.catalogue(brand));
    }

    @Override
    public Optional<CardSet> cardSet(BrandId brand, CardSetId id) {
        Map<CardSetId, Optional<CardSet>> sets = cardSets.get(brand, ConcurrentHashMap::new);
        if (sets.size() > PerBrandCache.MAX_ENTRIES) {
            sets.clear();
        }
        return sets.computeIfAbsent(id, k -> store.cardSet(brand, k));
    }
}
