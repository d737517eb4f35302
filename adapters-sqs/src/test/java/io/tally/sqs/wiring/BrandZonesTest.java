package io.tally.sqs.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tally.domain.campaign.CheckoutConfig;
import io.tally.domain.campaign.CheckoutConfigPort;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrandZonesTest {
    private static final BrandId ACME = new BrandId("ACME");
    private static final BrandId OTHER = new BrandId("OTHER");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    /** Checkout configurations by brand, counting every load. */
    private static final class CountingConfigs implements CheckoutConfigPort {
        final Map<BrandId, ZoneId> zones = new HashMap<>();
        final Map<BrandId, Integer> loads = new HashMap<>();

        @Override
        public CheckoutConfig load(BrandId brand) {
            loads.merge(brand, 1, Integer::sum);
            CheckoutConfig empty = CheckoutConfig.empty(brand);
            return new CheckoutConfig(brand, empty.currency(), zones.getOrDefault(brand, ZoneId.of("UTC")), List.of(),
                    Map.of(), List.of());
        }

        int loads(BrandId brand) {
            return loads.getOrDefault(brand, 0);
        }
    }

    /** A clock the test moves (adapters-sqs does not see the domain's test fakes). */
    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2027-03-01T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final MovingClock clock = new MovingClock();
    private final CountingConfigs configs = new CountingConfigs();
    private final BrandZones zones = new BrandZones(configs, clock);

    @Test
    void a_brand_s_configuration_is_read_once_per_keep_period() {
        configs.zones.put(ACME, BERLIN);

        assertEquals(BERLIN, zones.apply(ACME));
        clock.advance(BrandZones.KEEP.minusSeconds(1));
        assertEquals(BERLIN, zones.apply(ACME));
        assertEquals(BERLIN, zones.apply(ACME));

        assertEquals(1, configs.loads(ACME));
    }

    @Test
    void a_changed_zone_is_seen_once_the_keep_time_is_over_and_not_before() {
        configs.zones.put(ACME, BERLIN);
        zones.apply(ACME);

        configs.zones.put(ACME, CHICAGO);
        clock.advance(BrandZones.KEEP.minusSeconds(1));
        assertEquals(BERLIN, zones.apply(ACME), "still within the keep time");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(CHICAGO, zones.apply(ACME));

        assertEquals(2, configs.loads(ACME));
        clock.advance(BrandZones.KEEP.minusSeconds(1));
        assertEquals(CHICAGO, zones.apply(ACME));
        assertEquals(2, configs.loads(ACME), "the keep time starts again at the second read");
    }

    @Test
    void two_brands_are_kept_apart() {
        configs.zones.put(ACME, BERLIN);
        configs.zones.put(OTHER, TOKYO);

        assertEquals(BERLIN, zones.apply(ACME));
        clock.advance(Duration.ofSeconds(30));
        assertEquals(TOKYO, zones.apply(OTHER));
        assertEquals(BERLIN, zones.apply(ACME));
        assertEquals(TOKYO, zones.apply(OTHER));
        assertEquals(1, configs.loads(ACME));
        assertEquals(1, configs.loads(OTHER));

        // ACME's minute ends before OTHER's: only ACME is read again
        clock.advance(Duration.ofSeconds(30));
        zones.apply(ACME);
        zones.apply(OTHER);
        assertEquals(2, configs.loads(ACME));
        assertEquals(1, configs.loads(OTHER));
    }
}
