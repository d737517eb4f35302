package io.tally.lambda.wiring;

import io.tally.domain.campaign.CheckoutConfig;
import io.tally.domain.campaign.CheckoutConfigPort;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.time.Duration;

/**
 * A brand's checkout configuration (campaigns, coupon sets, SKU tags) kept per container for a short time, like
 * {@link CachedPrograms} and with the same setting ({@code catalogueTtl}): every checkout reads it, and it changes only
 * when the brand is provisioned, so a change reaches every container within the ttl. Expiry follows the wall clock, so
 * entries cached before a SnapStart snapshot are stale after any restore. No cache when the ttl is zero (the local
 * runtime).
 */
final class CachedCheckoutConfig implements CheckoutConfigPort {
    private final CheckoutConfigPort store;
    private final PerBrandCache<CheckoutConfig> cache;

    private CachedCheckoutConfig(CheckoutConfigPort store, Clock clock, Duration ttl) {
        this.store = store;
        this.cache = new PerBrandCache<>(clock, ttl);
    }

    static CheckoutConfigPort of(CheckoutConfigPort store, Clock clock, Duration ttl) {
        return ttl.isZero() ? store : new CachedCheckoutConfig(store, clock, ttl);
    }

    @Override
    public CheckoutConfig load(BrandId brand) {
        return cache.get(brand, () -> store.load(brand));
    }
}
