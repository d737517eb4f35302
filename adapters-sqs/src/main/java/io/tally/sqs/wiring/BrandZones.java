package io.tally.sqs.wiring;

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
 * A brand's time zone (its checkout configuration's), kept a minute per container: the back office's accounting
 * rollups ask for it once per day they add up, the delivery events consumer once per SES event and the SMS sender once
 * per text, and a zone almost never changes. A changed zone is seen within {@link #KEEP}.
 */
public final class BrandZones implements Function<BrandId, ZoneId> {
    /** How long a brand's zone is kept before its configuration is read again. */
    static final Duration KEEP = Duration.ofMinutes(1);

    private record Kept(ZoneId zone, Instant until) {
    }

    private final CheckoutConfigPort configs;
    private final Clock clock;
    private final Map<BrandId, Kept> kept = new ConcurrentHashMap<>();

    public BrandZones(CheckoutConfigPort configs, Clock clock) {
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
