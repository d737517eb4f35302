package io.tally.lambda.wiring;

import dagger.Module;
import dagger.Provides;
import io.tally.domain.campaign.CheckoutConfig;
import io.tally.domain.campaign.CheckoutConfigPort;
import javax.inject.Singleton;

/**
 * Wiring of checkout, coupons and campaigns (issue 11): the coupon and checkout-configuration stores, the coupon bulk
 * load and the checkout use cases. Kept apart from {@link AppModule} so each piece adds its providers here.
 */
@Module
final class CheckoutModule {
    private CheckoutModule() {
    }

    /**
     * Interim: no brand has a checkout configuration until its storage is wired here (then every coupon set is
     * unknown to allocateCoupon). Replace with the storage's CheckoutConfigPort when it lands.
     */
    @Provides
    @Singleton
    static CheckoutConfigPort checkoutConfigs() {
        return CheckoutConfig::empty;
    }
}
