package io.tally.lambda.wiring;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ElementsIntoSet;
import io.tally.domain.campaign.CheckoutConfigPort;
import io.tally.domain.campaign.CheckoutConfigStore;
import io.tally.domain.coupon.CouponsUseCase;
import io.tally.domain.shared.Backoff;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.RetryPolicy;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.lambda.http.MerchantMethod;
import io.tally.domain.checkout.CheckoutUseCase;
import io.tally.domain.segment.SegmentMembershipPort;
import io.tally.domain.ledger.CardLedgerWriter;
import io.tally.domain.ledger.VoidUseCase;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.lambda.merchant.AllocateCouponMethod;
import io.tally.lambda.merchant.CheckoutDryRunMethod;
import io.tally.lambda.merchant.CheckoutLookupMethod;
import io.tally.lambda.merchant.CheckoutMethod;
import io.tally.lambda.merchant.VoidTransactionMethod;
import io.tally.lambda.merchant.CouponLookupMethod;
import io.tally.lambda.merchant.ListCouponsMethod;
import io.tally.lambda.merchant.UpdateCouponMethod;
import io.tally.sqs.json.WireJson;
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

    @Provides
    @Singleton
    static CouponsUseCase coupons(DynamoStorage storage, CheckoutConfigPort configs, RandomSource random, Clock clock) {
        RetryPolicy retry = RetryPolicy.of(AppModule.MAX_WRITE_ATTEMPTS, Backoff.jittered(random, 2, 50, Backoff.Sleeper.THREAD));
        return new CouponsUseCase(storage.coupons(), storage.cards(), configs, random, clock, retry);
    }

    @Provides
    @Singleton
    static CheckoutUseCase checkout(DynamoStorage storage, CardLedgerWriter writer, LoadProgramsPort programs,
                                    CheckoutConfigPort configs, SegmentMembershipPort segments, Clock clock,
                                    RandomSource random) {
        return new CheckoutUseCase(writer, new VoidUseCase(writer, storage.cardLedger()), storage.cards(), storage.cardLedger(),
                programs, configs, storage.coupons(), storage.campaignBudget(), storage.checkoutRecords(), segments, clock,
                random);
    }

    @Provides
    @ElementsIntoSet
    static Set<MerchantMethod> checkoutMethods(CheckoutUseCase checkout, LoadProgramsPort programs, WireJson json) {
        return Set.of(new CheckoutMethod(checkout, programs, json), new CheckoutDryRunMethod(checkout, programs, json),
                new CheckoutLookupMethod(checkout, programs, json), new VoidTransactionMethod(checkout, programs, json));
    }

    @Provides
    @ElementsIntoSet
    static Set<MerchantMethod> couponMethods(CouponsUseCase coupons, WireJson json) {
        return Set.of(new AllocateCouponMethod(coupons, json), new CouponLookupMethod(coupons, json),
                new UpdateCouponMethod(coupons, json), new ListCouponsMethod(coupons, json));
    }
}
