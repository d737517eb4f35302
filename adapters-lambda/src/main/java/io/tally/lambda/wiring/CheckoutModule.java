package io.tally.lambda.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ElementsIntoSet;
import io.tally.domain.campaign.CheckoutConfigPort;
import io.tally.domain.coupon.CouponsUseCase;
import io.tally.domain.shared.Backoff;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.RetryPolicy;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.lambda.http.MerchantMethod;
import io.tally.lambda.merchant.AllocateCouponMethod;
import io.tally.lambda.merchant.CouponLookupMethod;
import io.tally.lambda.merchant.ListCouponsMethod;
import io.tally.lambda.merchant.UpdateCouponMethod;
import java.time.Clock;
import java.util.Set;
import javax.inject.Singleton;

/**
 * Wiring of checkout, coupons and campaigns (issue 11): the coupon and checkout-configuration stores, the coupon bulk
 * load and the checkout use cases. Kept apart from {@link AppModule} so each piece adds its providers here. Merchant
 * methods of this issue join the API's list through the {@code Set<MerchantMethod>} contributions below.
 */
@Module
final class CheckoutModule {
    private CheckoutModule() {
    }

    /** Interim, uncached: the campaigns branch wires the cached reader under this same name; keep that one. */
    @Provides
    @Singleton
    static CheckoutConfigPort checkoutConfig(DynamoStorage storage) {
        return storage.checkoutConfig();
    }

    @Provides
    @Singleton
    static CouponsUseCase coupons(DynamoStorage storage, CheckoutConfigPort configs, RandomSource random, Clock clock) {
        RetryPolicy retry = RetryPolicy.of(AppModule.MAX_WRITE_ATTEMPTS, Backoff.jittered(random, 2, 50, Backoff.Sleeper.THREAD));
        return new CouponsUseCase(storage.coupons(), storage.cards(), configs, random, clock, retry);
    }

    @Provides
    @ElementsIntoSet
    static Set<MerchantMethod> couponMethods(CouponsUseCase coupons, ObjectMapper json) {
        return Set.of(new AllocateCouponMethod(coupons, json), new CouponLookupMethod(coupons, json),
                new UpdateCouponMethod(coupons, json), new ListCouponsMethod(coupons, json));
    }
}
