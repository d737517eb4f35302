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
import java.util.function.Supplier;

/**
 * A brand's catalogue (programs, value types, card sets) kept per container for a short time. Almost every
 * merchant call reads it, often twice (the method resolves the value type, the use case checks its limits),
 * and it changes only when the brand is provisioned: caching it takes one or two of a redeem's round trips
 * away. A change reaches every container within {@code ttl}. Expiry follows the wall clock, not
 * {@code System.nanoTime}, so entries cached before a SnapStart snapshot are stale after any restore.
 * Empty when {@code ttl} is zero (the local runtime, where a seed is applied and read back at once).
 */
final class CachedPrograms implements LoadProgramsPort {
    /** One stack serves one brand; the bound only stops a misbehaving caller from growing the map. */
    private static final int MAX_ENTRIES = 256;

    private record Cached<T>(T value, long expiresAtMillis) {
    }

    private final LoadProgramsPort store;
    private final Clock clock;
    private final long ttlMillis;
    private final Map<BrandId, Cached<Catalogue>> catalogues = new ConcurrentHashMap<>();
    private final Map<BrandId, Cached<Map<CardSetId, Optional<CardSet>>>> cardSets = new ConcurrentHashMap<>();

    CachedPrograms(LoadProgramsPort store, Clock clock, Duration ttl) {
        this.store = store;
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
    }

    static LoadProgramsPort of(LoadProgramsPort store, Clock clock, Duration ttl) {
        return ttl.isZero() ? store : new CachedPrograms(store, clock, ttl);
    }

    @Override
    public Catalogue catalogue(BrandId brand) {
        return fresh(catalogues, brand, () -> store.catalogue(brand));
    }

    @Override
    public Optional<CardSet> cardSet(BrandId brand, CardSetId id) {
        Map<CardSetId, Optional<CardSet>> sets = fresh(cardSets, brand, ConcurrentHashMap::new);
        if (sets.size() > MAX_ENTRIES) {
            sets.clear();
        }
        return sets.computeIfAbsent(id, k -> store.cardSet(brand, k));
    }

    private <T> T fresh(Map<BrandId, Cached<T>> cache, BrandId brand, Supplier<T> load) {
        long now = clock.millis();
        Cached<T> hit = cache.get(brand);
        if (hit != null && now < hit.expiresAtMillis()) {
            return hit.value();
        }
        if (cache.size() > MAX_ENTRIES) {
            cache.clear();
        }
        T value = load.get();
        cache.put(brand, new Cached<>(value, now + ttlMillis));
        return value;
    }
}
