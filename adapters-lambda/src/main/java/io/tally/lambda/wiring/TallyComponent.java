package io.tally.lambda.wiring;

import dagger.BindsInstance;
import dagger.Component;
import io.tally.domain.campaign.CheckoutConfigStore;
import io.tally.domain.coupon.bulk.StartCouponLoadUseCase;
import io.tally.domain.event.ActivityLogPort;
import io.tally.domain.provisioning.ApplySeedUseCase;
import io.tally.domain.tenant.ManageApiKeysUseCase;
import io.tally.lambda.coupons.CouponLoadConsumer;
import io.tally.lambda.http.MerchantApi;
import io.tally.lambda.jobs.PeriodicJobRunner;
import io.tally.lambda.sqs.EventsConsumer;
import io.tally.portal.wiring.PortalSettings;
import io.tally.sqs.wiring.QueuesModule;
import java.util.Optional;
import javax.inject.Singleton;

/**
 * The object graph of one container (one Lambda execution environment, or the local runtime):
 * built once, shared by every invocation.
 */
@Singleton
@Component(modules = {QueuesModule.class, AppModule.class, CheckoutModule.class, CouponLoadModule.class})
public interface TallyComponent {
    MerchantApi merchantApi();

    EventsConsumer eventsConsumer();

    ApplySeedUseCase applySeed();

    ActivityLogPort activityLog();

    PeriodicJobRunner periodicJobs();

    ManageApiKeysUseCase manageApiKeys();

    /** The checkout configuration as provisioning sees it (uncached), for the operator's command line. */
    CheckoutConfigStore checkoutConfigStore();
    /** Coupon bulk loads: start one, read its progress (the operator's command line, later the back office). */
    StartCouponLoadUseCase startCouponLoad();

    CouponLoadConsumer couponLoadConsumer();

    /** A cold start's init on two threads (the merchant API function's Lambda constructor). */
    ParallelInit parallelInit();

    /** SnapStart priming of this graph; the entry points register its hooks with org.crac. */
    Priming priming();

    /** Without the member portal's configuration: every entry point but the enrollment completer job. */
    static TallyComponent create(Settings settings) {
        return DaggerTallyComponent.factory().create(settings, Optional.empty());
    }

    /** With the member portal's configuration, which the jobs function needs for the enrollment completer. */
    static TallyComponent create(Settings settings, PortalSettings portal) {
        return DaggerTallyComponent.factory().create(settings, Optional.of(portal));
    }

    @Component.Factory
    interface Factory {
        TallyComponent create(@BindsInstance Settings settings, @BindsInstance Optional<PortalSettings> portal);
    }
}
