package io.tally.lambda.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Module;
import dagger.Provides;
import io.tally.domain.event.HandleEventUseCase;
import io.tally.domain.event.PublishEventPort;
import io.tally.domain.card.AllocateCardUseCase;
import io.tally.domain.ledger.CardLedgerWriter;
import io.tally.domain.ledger.CardQueriesUseCase;
import io.tally.domain.ledger.HoldUseCase;
import io.tally.domain.ledger.IssueUseCase;
import io.tally.domain.ledger.RedeemFromHoldUseCase;
import io.tally.domain.ledger.RedeemUseCase;
import io.tally.domain.ledger.ReleaseHoldUseCase;
import io.tally.domain.ledger.UpdateAccountUseCase;
import io.tally.domain.ledger.VoidUseCase;
import io.tally.domain.program.ListValueTypesUseCase;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.provisioning.ApplySeedUseCase;
import io.tally.domain.shared.Backoff;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.RetryPolicy;
import io.tally.domain.tenant.AuthenticateMerchantUseCase;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.lambda.http.MerchantApi;
import io.tally.lambda.http.RateLimiter;
import io.tally.lambda.http.RequestLog;
import io.tally.lambda.http.RequestRefs;
import io.tally.lambda.json.Json;
import io.tally.lambda.http.MerchantMethod;
import io.tally.lambda.merchant.AllocateMethod;
import io.tally.lambda.merchant.CardHistoryMethod;
import io.tally.lambda.merchant.ListValueTypeMethod;
import io.tally.lambda.merchant.SearchMethod;
import io.tally.lambda.merchant.UpdateAccountMethod;
import io.tally.lambda.merchant.UpdateBalanceMethod;
import io.tally.lambda.merchant.VoidTransactionMethod;
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
    static SecureRandomSource secureRandom() {
        return new SecureRandomSource();
    }

    @Provides
    static RandomSource random(SecureRandomSource random) {
        return random;
    }

    @Provides
    @Singleton
    static Priming priming(dagger.Lazy<MerchantApi> api, DynamoStorage storage, ObjectMapper json, EventJson events,
                           SecureRandomSource random) {
        return new Priming(api, storage, json, events, random, System.out);
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

    /** Conditional-write retries: few (a POS waits), spread out with full jitter so racing writers do not collide again. */
    @Provides
    @Singleton
    static RetryPolicy retryPolicy(RandomSource random) {
        return RetryPolicy.of(10, Backoff.jittered(random, 2, 64, Backoff.Sleeper.THREAD));
    }

    @Provides
    @Singleton
    static CardLedgerWriter ledgerWriter(DynamoStorage storage, PublishEventPort events, Clock clock, RandomSource random,
                                         RetryPolicy retry) {
        return new CardLedgerWriter(storage.cards(), storage.cardLedger(), storage.idempotency(), events, clock, random, retry);
    }

    @Provides
    @Singleton
    static MerchantApi merchantApi(DynamoStorage storage, CardLedgerWriter writer, ObjectMapper json, RandomSource random,
                                   Clock clock, RetryPolicy retry, Settings settings) {
        var authenticate = new AuthenticateMerchantUseCase(storage.merchantAccess());
        LoadProgramsPort programs = CachedPrograms.of(storage.programs(), clock, settings.catalogueTtl());
        var queries = new CardQueriesUseCase(storage.cards(), storage.cardLedger());
        var redeemFromHold = new RedeemFromHoldUseCase(writer, programs, storage.cardLedger());
        List<MerchantMethod> methods = List.of(
                new ListValueTypeMethod(new ListValueTypesUseCase(programs), json),
                new AllocateMethod(new AllocateCardUseCase(storage.cards(), programs, random, clock,
                        AllocateCardUseCase.WhenPoolEmpty.REJECT), json),
                new UpdateBalanceMethod(new IssueUseCase(writer, programs), new RedeemUseCase(writer, programs),
                        new HoldUseCase(writer, programs), redeemFromHold, new ReleaseHoldUseCase(redeemFromHold),
                        queries, programs, json, clock),
                new SearchMethod(queries, programs, json, clock),
                new UpdateAccountMethod(new UpdateAccountUseCase(storage.cards(), writer, retry), json),
                new CardHistoryMethod(queries, programs, json),
                new VoidTransactionMethod(new VoidUseCase(writer, storage.cardLedger()), programs, json, clock));
        return new MerchantApi(authenticate, methods, json, new RequestRefs(random),
                new RequestLog(System.out, settings.requestLog()),
                new RateLimiter(settings.rateLimitPerKey(), settings.rateBurstPerKey(), System::nanoTime),
                storage.idempotency(), clock);
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
        return new ApplySeedUseCase(storage.provisioning(), storage.cards(), events, random, clock);
    }
}
