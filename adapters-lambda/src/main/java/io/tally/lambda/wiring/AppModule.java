package io.tally.lambda.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Module;
import dagger.Provides;
import io.tally.domain.event.HandleEventUseCase;
import io.tally.domain.event.PublishEventPort;
import io.tally.domain.program.ListValueTypesUseCase;
import io.tally.domain.provisioning.ApplySeedUseCase;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.tenant.AuthenticateMerchantUseCase;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.lambda.http.MerchantApi;
import io.tally.lambda.http.RateLimiter;
import io.tally.lambda.http.RequestLog;
import io.tally.lambda.http.RequestRefs;
import io.tally.lambda.json.Json;
import io.tally.lambda.merchant.ListValueTypeMethod;
import io.tally.lambda.sqs.EventJson;
import io.tally.lambda.sqs.EventsConsumer;
import io.tally.lambda.sqs.SqsEventPublisher;
import java.time.Clock;
import java.util.List;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Ports, use cases and the entry points' collaborators. Plain constructors, no reflection. */
@Module
final class AppModule {
    private AppModule() {
    }

    @Provides
    @Singleton
    static ObjectMapper json() {
        return Json.mapper();
    }

    @Provides
    @Singleton
    static Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    static RandomSource random() {
        return new SecureRandomSource();
    }

    @Provides
    @Singleton
    static DynamoStorage storage(DynamoDbClient dynamo, Settings settings) {
        return new DynamoStorage(dynamo, settings.tableName());
    }

    @Provides
    @Singleton
    static EventJson eventJson(ObjectMapper json) {
        return new EventJson(json);
    }

    @Provides
    @Singleton
    static PublishEventPort events(SqsClient sqs, Settings settings, EventJson json) {
        return new SqsEventPublisher(sqs, settings.eventsQueueUrl(), json);
    }

    @Provides
    @Singleton
    static MerchantApi merchantApi(DynamoStorage storage, ObjectMapper json, RandomSource random, Settings settings) {
        var authenticate = new AuthenticateMerchantUseCase(storage.merchantAccess());
        var methods = List.of(
                new ListValueTypeMethod(new ListValueTypesUseCase(storage.programs()), json));
        return new MerchantApi(authenticate, List.copyOf(methods), json, new RequestRefs(random),
                new RequestLog(System.out, settings.requestLog()),
                new RateLimiter(settings.rateLimitPerKey(), settings.rateBurstPerKey(), System::nanoTime));
    }

    @Provides
    @Singleton
    static EventsConsumer eventsConsumer(DynamoStorage storage, EventJson json) {
        return new EventsConsumer(new HandleEventUseCase(storage.activityLog()), json, System.out);
    }

    @Provides
    @Singleton
    static io.tally.domain.event.ActivityLogPort activityLog(DynamoStorage storage) {
        return storage.activityLog();
    }

    @Provides
    @Singleton
    static ApplySeedUseCase applySeed(DynamoStorage storage, PublishEventPort events, RandomSource random, Clock clock) {
        return new ApplySeedUseCase(storage.provisioning(), events, random, clock, storage.portalConfigs());
    }
}
