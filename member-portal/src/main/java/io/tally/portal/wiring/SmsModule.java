package io.tally.portal.wiring;

import dagger.Module;
import dagger.Provides;
import io.tally.domain.delivery.RecordDeliveryUseCase;
import io.tally.domain.delivery.RecordTextSends;
import io.tally.domain.sms.DeliverSmsUseCase;
import io.tally.domain.sms.SmsSenderPort;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.portal.sms.CapturedSms;
import io.tally.portal.sms.EndUserMessagingSmsSender;
import io.tally.portal.sms.SmsConsumer;
import io.tally.portal.sms.SmsSettings;
import io.tally.sqs.sms.SmsJson;
import io.tally.sqs.wiring.BrandZones;
import io.tally.sqs.wiring.ContainerSettings;
import java.time.Clock;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The SMS sender's graph: the table's stores, the sender chosen by the settings (capture off AWS), and what a send's
 * claimed text records (its card's mailing, its send request in the delivery statistics).
 */
@Module
final class SmsModule {
    private SmsModule() {
    }

    @Provides
    static ContainerSettings container(SmsSettings settings) {
        return settings.container();
    }

    @Provides
    @Singleton
    static SmsSenderPort sender(SmsSettings settings, AwsCredentialsProvider credentials) {
        if (settings.captureFile().isPresent()) {
            return new CapturedSms(settings.captureFile().get());
        }
        return new EndUserMessagingSmsSender(UrlConnectionHttpClient.create(), credentials, settings.region(),
                settings.smsEndpoint(), settings.requireOriginationIdentity(), settings.configurationSet());
    }

    @Provides
    @Singleton
    static SmsConsumer consumer(DynamoDbClient dynamo, SmsSettings settings, SmsSenderPort sender, Clock clock) {
        DynamoStorage storage = new DynamoStorage(dynamo, settings.tableName());
        // a send's text leaves its card's mailing and its send request counted; texts' events act on no address
        var texts = new RecordTextSends(storage.cardMailings(), new RecordDeliveryUseCase(storage.deliveryStats(),
                RecordDeliveryUseCase.Actions.NONE, new BrandZones(storage.checkoutConfig(), clock), clock));
        return new SmsConsumer(new DeliverSmsUseCase(storage.portalConfigs(), storage.preferences(),
                storage.sentEmails(), sender, clock, texts), new SmsJson(), System.out);
    }
}
