package io.tally.lambda.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.tally.domain.campaign.CheckoutConfig;
import io.tally.domain.campaign.CheckoutConfigPort;
import io.tally.domain.fakes.MutableClock;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CachedCheckoutConfigTest {
    private static final BrandId BRAND = new BrandId("ACME");
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private int reads;
    private final CheckoutConfigPort store = brand -> {
        reads++;
        return CheckoutConfig.empty(brand);
    };

    @Test
    void a_brands_configuration_is_read_once_per_ttl() {
        CheckoutConfigPort cached = CachedCheckoutConfig.of(store, clock, Duration.ofSeconds(10));

        cached.load(BRAND);
        clock.advance(Duration.ofSeconds(9));
        cached.load(BRAND);
        assertEquals(1, reads);

        clock.advance(Duration.ofSeconds(1));
        cached.load(BRAND);
        assertEquals(2, reads, "expired after the ttl: a provisioning change shows within it");
        cached.load(new BrandId("OTHER"));
        assertEquals(3, reads);
    }

    @Test
    void a_zero_ttl_means_no_cache() {
        assertSame(store, CachedCheckoutConfig.of(store, clock, Duration.ZERO));
    }
}
