package io.tally.sqs.wiring;

import dagger.BindsInstance;
import dagger.Component;
import io.tally.domain.email.EmailOutboxPort;
import io.tally.domain.event.PublishEventPort;
import io.tally.domain.shared.RandomSource;
import javax.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A front's graph reduced to the shared modules, as the fronts' components include them. */
@Singleton
@Component(modules = QueuesModule.class)
interface TestContainer {
    PublishEventPort events();

    EmailOutboxPort outbox();

    RandomSource random();

    SecureRandomSource secureRandom();

    SqsClient sqs();

    @Component.Factory
    interface Factory {
        TestContainer create(@BindsInstance ContainerSettings settings);
    }
}
