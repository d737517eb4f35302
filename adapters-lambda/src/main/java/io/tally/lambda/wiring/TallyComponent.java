package io.tally.lambda.wiring;

import dagger.BindsInstance;
import dagger.Component;
import io.tally.domain.event.ActivityLogPort;
import io.tally.domain.provisioning.ApplySeedUseCase;
import io.tally.domain.tenant.ManageApiKeysUseCase;
import io.tally.lambda.http.MerchantApi;
import io.tally.lambda.jobs.PeriodicJobRunner;
import io.tally.lambda.sqs.EventsConsumer;
import javax.inject.Singleton;

/**
 * The object graph of one container (one Lambda execution environment, or the local runtime):
 * built once, shared by every invocation.
 */
@Singleton
@Component(modules = {AwsModule.class, AppModule.class})
public interface TallyComponent {
    MerchantApi merchantApi();

    EventsConsumer eventsConsumer();

    ApplySeedUseCase applySeed();

    ActivityLogPort activityLog();

    PeriodicJobRunner periodicJobs();

    ManageApiKeysUseCase manageApiKeys();

    static TallyComponent create(Settings settings) {
        return DaggerTallyComponent.factory().create(settings);
    }

    @Component.Factory
    interface Factory {
        TallyComponent create(@BindsInstance Settings settings);
    }
}
