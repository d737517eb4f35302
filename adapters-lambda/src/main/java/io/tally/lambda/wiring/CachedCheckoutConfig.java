package io.tally.lambda.wiring;

import io.tally.domain.campaign.CheckoutConfig;
import io.tally.domain.campaign.CheckoutConfigPort;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A brand's checkout configuration (campaigns, coupon sets, SKU tags) kept per container for a short time, like
 * {@link CachedPrograms} and with the same setting ({@code catalogueTtl}): every checkout reads it, and it changes only
 * when the brand is provisioned, so a change reaches every container within the ttl. Expiry follows the wall clock, so
 * entries cached before a SnapStart snapshot are stale after any restore. No cache when the ttl is zero (the local
 * runtime).
 */
final class CachedCheckoutConfig implements CheckoutConfigPort {
    /** One stack serves one brand; the bound only stops a misbehaving caller from growing the map. */
    private static final int MAX_ENTRIES = 256;

    private record Cached(CheckoutConfig config, long expiresAtMillis) {
    }

    private final CheckoutConfigPort store;
    private final Clock clock;
    private final long ttlMillis;
    private final Map<BrandId, Cached> cache = new ConcurrentHashMap<>();

    private CachedCheckoutConfig(CheckoutConfigPort store, Clock clock, Duration ttl) {
        this.store = store;
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
    }

    static CheckoutConfigPort of(CheckoutConfigPort store, Clock clock, Duration ttl) {
        return ttl.isZero() ? store : new CachedCheckoutConfig(store, clock, ttl);
    }

    @Override
    public CheckoutConfig load(BrandId brand) {
        long now = clock.millis();
        Cached hit = cache.get(brand);
        if (hit != null && now < hit.expiresAtMillis()) {
            return hit.config();
        }
        if (cache.size() > MAX_ENTRIES) {
            cache.clear();
        }
        CheckoutConfig config = store.load(brand);
        cache.put(brand, new Cached(config, now + ttlMillis));
        return config;
    }
}
