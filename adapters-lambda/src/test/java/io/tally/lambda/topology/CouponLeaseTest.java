package io.tally.lambda.topology;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.checkout.CouponClaims;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A checkout's coupon claims rely on one assumption: a checkout never writes its entry after its claims lapsed. The
 * merchant API function's timeout ends every call, so the lease must stay well above it.
 */
class CouponLeaseTest {
    @Test
    void theCouponLeaseIsAtLeastFourTimesTheMerchantApiTimeout() {
        Duration timeout = Duration.ofSeconds(FunctionId.MERCHANT_API.timeoutSeconds());
        assertTrue(CouponClaims.LEASE.compareTo(timeout.multipliedBy(4)) >= 0,
                "lease " + CouponClaims.LEASE + " vs function timeout " + timeout);
    }
}
