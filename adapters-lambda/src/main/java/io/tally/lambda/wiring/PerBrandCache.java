package io.tally.lambda.wiring;

import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One value per brand, kept for {@code ttl} by the wall clock (so entries cached before a SnapStart snapshot are stale
 * after any restore). One stack serves one brand; the bound only stops a misbehaving caller from growing the map.
 */
final class PerBrandCache<T> {
    static final int MAX_ENTRIES = 256;

    private record Cached<T>(T value, long expiresAtMillis) {
    }

    private final Clock clock;
    private final long ttlMillis;
    private final Map<BrandId, Cached<T>> cache = new ConcurrentHashMap<>();

    PerBrandCache(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
    }

    /** The brand's value while fresh, else what {@code load} gives (kept for the ttl). */
    T get(BrandId brand, Supplier<T> load) {
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
