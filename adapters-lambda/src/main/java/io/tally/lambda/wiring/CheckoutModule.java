package io.tally.lambda.wiring;

import dagger.Module;
import dagger.Provides;
import io.tally.domain.campaign.CheckoutConfigPort;
import io.tally.domain.campaign.CheckoutConfigStore;
import io.tally.dynamo.store.DynamoStorage;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * Wiring of checkout, coupons and campaigns (issue 11): the coupon and checkout-configuration stores, the coupon bulk
 * load and the checkout use cases. Kept apart from {@link AppModule} so each piece adds its providers here.
 */
@Module
final class CheckoutModule {
    private CheckoutModule() {
    }

    /** The checkout configuration as checkouts read it: cached per container (see {@link CachedCheckoutConfig}). */
    @Provides
    @Singleton
    static CheckoutConfigPort checkoutConfig(DynamoStorage storage, Clock clock, Settings settings) {
        return CachedCheckoutConfig.of(storage.checkoutConfig(), clock, settings.catalogueTtl());
    }

    /** Provisioning's side (seed, operator's command line): reads uncached, writes. */
    @Provides
    @Singleton
    static CheckoutConfigStore checkoutConfigStore(DynamoStorage storage) {
        return storage.checkoutConfigStore();
    }
}
