package io.tally.backoffice.wiring;

import io.tally.domain.campaign.CheckoutConfigPort;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A brand's time zone (its checkout configuration's) for the accounting rollups, kept a minute per container: an
 * Accounting page asks for it once per day it adds up, and a zone almost never changes.
 */
final class BrandZones implements Function<BrandId, ZoneId> {
    private static final Duration KEEP = Duration.ofMinutes(1);

    private record Kept(ZoneId zone, Instant until) {
    }

    private final CheckoutConfigPort configs;
    private final Clock clock;
    private final Map<BrandId, Kept> kept = new ConcurrentHashMap<>();

    BrandZones(CheckoutConfigPort configs, Clock clock) {
        this.configs = configs;
        this.clock = clock;
    }

    @Override
    public ZoneId apply(BrandId brand) {
        Instant now = clock.instant();
        Kept k = kept.get(brand);
        if (k == null || !now.isBefore(k.until())) {
            k = new Kept(configs.load(brand).zone(), now.plus(KEEP));
            kept.put(brand, k);
        }
        return k.zone();
    }
}
