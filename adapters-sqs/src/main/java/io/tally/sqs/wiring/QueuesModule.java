package io.tally.sqs.wiring;

import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import io.tally.domain.email.EmailOutboxPort;
import io.tally.domain.event.PublishEventPort;
import io.tally.sqs.email.EmailJson;
import io.tally.sqs.email.SqsEmailOutbox;
import io.tally.sqs.event.EventJson;
import io.tally.sqs.event.SqsEventPublisher;
import io.tally.sqs.json.WireJson;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The queues every Lambda front writes to, one per container: the SQS client, the domain events' publisher and
 * the e-mail outbox (built only in the graphs that ask for it, which must have an e-mail queue). Includes
 * {@link ContainerModule}, so a front's component lists this module and its own.
 */
@Module(includes = ContainerModule.class)
public final class QueuesModule {
    private QueuesModule() {
    }

    @Provides
    @Singleton
    static SqsClient sqs(ContainerSettings settings, AwsCredentialsProvider credentials, SdkHttpClient http) {
        var builder = SqsClient.builder().httpClient(http)
                .region(Region.of(settings.region())).credentialsProvider(credentials);
        settings.sqsEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Provides
    @Singleton
    static EventJson eventJson(WireJson json) {
        return new EventJson(json);
    }

    @Provides
    @Singleton
    static PublishEventPort events(Lazy<SqsClient> sqs, ContainerSettings settings, EventJson json) {
        // taken at the first publish, so that a front's init can build the client on another thread meanwhile
        return new SqsEventPublisher(sqs::get, settings.eventsQueueUrl(), json);
    }

    @Provides
    @Singleton
    static EmailOutboxPort outbox(SqsClient sqs, ContainerSettings settings) {
        return new SqsEmailOutbox(sqs, settings.requireEmailsQueueUrl(), new EmailJson());
    }
}
