package io.tally.lambda.wiring;

import dagger.Module;

/**
 * Wiring of checkout, coupons and campaigns (issue 11): the coupon and checkout-configuration stores, the coupon bulk
 * load and the checkout use cases. Kept apart from {@link AppModule} so each piece adds its providers here.
 */
@Module
final class CheckoutModule {
    private CheckoutModule() {
    }
}
