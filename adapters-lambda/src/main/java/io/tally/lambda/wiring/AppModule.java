package io.tally.lambda.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.sqs.obs.LedgerMoneyMetrics;
import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import io.tally.backoffice.wiring.SegmentEvaluations;
import io.tally.domain.backoffice.CardLocationsListener;
import io.tally.domain.backoffice.TransactionFacts;
import io.tally.domain.campaign.CheckoutConfigPort;
import io.tally.domain.campaign.EventCampaignsListener;
import io.tally.domain.communication.rule.DateRulesUseCase;
import io.tally.domain.communication.rule.RuleEventsListener;
import io.tally.domain.communication.rule.RuleFiring;
import io.tally.domain.segment.SegmentMembershipPort;
import io.tally.domain.segment.evaluation.SegmentEvaluationUseCase;
import io.tally.domain.card.AllocateCardUseCase;
import io.tally.domain.coupon.CouponsUseCase;
import io.tally.domain.enrollment.CompleteEnrollmentsUseCase;
import io.tally.domain.checkout.CheckoutUseCase;
import io.tally.domain.communication.AttributeCheckoutRevenue;
import io.tally.domain.engagement.CardStatsListener;
import io.tally.domain.engagement.RecordEventUseCase;
import io.tally.domain.engagement.RecordedEventsListener;
import io.tally.domain.engagement.score.ScoreCardsUseCase;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.event.HandleEventUseCase;
import io.tally.domain.event.PublishEventPort;
import io.tally.domain.ledger.CardLedgerWriter;
import io.tally.domain.ledger.CardQueriesUseCase;
import io.tally.domain.ledger.EventRelay;
import io.tally.domain.ledger.ExpireDueUseCase;
import io.tally.domain.ledger.HoldUseCase;
import io.tally.domain.ledger.IssueUseCase;
import io.tally.domain.ledger.RedeemFromHoldUseCase;
import io.tally.domain.ledger.RedeemUseCase;
import io.tally.domain.ledger.ReleaseHoldUseCase;
import io.tally.domain.ledger.SweepDueCardsUseCase;
import io.tally.domain.ledger.UpdateAccountUseCase;
import io.tally.domain.program.ListValueTypesUseCase;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.provisioning.ApplySeedUseCase;
import io.tally.domain.report.ExploreRollupUseCase;
import io.tally.domain.report.LateEntries;
import io.tally.domain.report.RollupUseCase;
import io.tally.domain.segment.SegmentMembershipPort;
import io.tally.domain.shared.Backoff;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.RetryPolicy;
import io.tally.domain.shared.Sealer;
import io.tally.domain.tenant.AuthenticateMerchantUseCase;
import io.tally.domain.tenant.CachedMerchantAccess;
import io.tally.domain.tenant.ManageApiKeysUseCase;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.lambda.http.MerchantApi;
import io.tally.lambda.http.MerchantMethod;
import io.tally.lambda.http.RateLimiter;
import io.tally.lambda.http.RequestLog;
import io.tally.lambda.http.RequestRefs;
import io.tally.lambda.jobs.CustomerScoresTask;
import io.tally.lambda.jobs.EnrollmentCompletionTask;
import io.tally.lambda.jobs.EventRelayTask;
import io.tally.lambda.jobs.ExpirySweepTask;
import io.tally.lambda.jobs.PeriodicJobRunner;
import io.tally.lambda.jobs.RollupsTask;
import io.tally.lambda.jobs.ScheduledSendsTask;
import io.tally.backoffice.wiring.Sends;
import io.tally.domain.communication.send.SendFanoutUseCase;
import io.tally.domain.shared.SignedTokens;
import io.tally.sqs.email.EmailJson;
import io.tally.sqs.email.SqsEmailOutbox;
import io.tally.sqs.send.SendPageJson;
import io.tally.sqs.send.SqsSendPages;
import io.tally.lambda.jobs.RuleDatesTask;
import io.tally.lambda.jobs.RuleSendsTask;
import io.tally.lambda.jobs.SegmentEvaluationsTask;
import io.tally.lambda.merchant.AllocateMethod;
import io.tally.lambda.merchant.CardHistoryMethod;
import io.tally.lambda.merchant.ListValueTypeMethod;
import io.tally.lambda.merchant.RecordEventMethod;
import io.tally.lambda.merchant.SearchMethod;
import io.tally.lambda.merchant.UpdateAccountMethod;
import io.tally.lambda.merchant.UpdateBalanceMethod;
import io.tally.lambda.sqs.EventsConsumer;
import io.tally.portal.wiring.PortalComponent;
import io.tally.portal.wiring.PortalSettings;
import io.tally.sqs.event.EventJson;
import io.tally.sqs.json.WireJson;
import io.tally.sqs.segment.EvaluatePageJson;
import io.tally.sqs.segment.SqsEvaluationQueue;
import io.tally.sqs.wiring.ContainerSettings;
import io.tally.sqs.wiring.SecureRandomSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Ports, use cases and the entry points' collaborators. Plain constructors, no reflection. The clients, clock, random
 * source, JSON configuration and event publisher come from the shared {@code QueuesModule} (adapters-sqs).
 */
@Module
final class AppModule {
    private AppModule() {
    }

    /** The shared plumbing's view of this container's configuration (QueuesModule, ContainerModule). */
    @Provides
    static ContainerSettings container(Settings settings) {
        return settings.container();
    }

    @Provides
    @Singleton
    static Priming priming(dagger.Lazy<MerchantApi> api, DynamoStorage storage, WireJson json, EventJson events,
                           SecureRandomSource random, CachedMerchantAccess merchantAccess) {
        return new Priming(api, storage, json, events, random, merchantAccess, System.out);
    }

    /**
     * Authentication's records as the merchant API reads them: cached per container for
     * {@code TALLY_AUTH_CACHE_TTL_SECONDS} (default 60 s, off locally), the revocation window; see
     * {@link CachedMerchantAccess}. Priming clears it before a SnapStart snapshot.
     */
    @Provides
    @Singleton
    static CachedMerchantAccess merchantAccess(DynamoStorage storage, Clock clock, Settings settings) {
        return new CachedMerchantAccess(storage.merchantAccess(), clock, settings.authCacheTtl(),
                CachedMerchantAccess.DEFAULT_MAX_ENTRIES);
    }

    /** The catalogue as the request paths read it: cached per container (see {@link CachedPrograms}). */
    @Provides
    @Singleton
    static LoadProgramsPort programs(DynamoStorage storage, Clock clock, Settings settings) {
        return CachedPrograms.of(storage.programs(), clock, settings.catalogueTtl());
    }

    @Provides
    @Singleton
    static DynamoStorage storage(DynamoDbClient dynamo, Settings settings) {
        return new DynamoStorage(dynamo, settings.tableName());
    }

    /**
     * Campaigns' "card in segment" (checkouts, event campaigns): the latest READY evaluation snapshot of the segment,
     * two eventually consistent GetItems a question (A93).
     */
    @Provides
    @Singleton
    static SegmentMembershipPort segmentMembership(DynamoStorage storage) {
        return storage.segmentSnapshots();
    }

    /** Lost append races are retried this often, with jittered backoff, before a request answers CONTENDED. */
    static final int MAX_WRITE_ATTEMPTS = 20;

    @Provides
    @Singleton
    static CardLedgerWriter cardLedgerWriter(DynamoStorage storage, PublishEventPort events, Clock clock,
                                             RandomSource random) {
        RetryPolicy retry = RetryPolicy.of(MAX_WRITE_ATTEMPTS, Backoff.jittered(random, 2, 50, Backoff.Sleeper.THREAD));
        return new CardLedgerWriter(storage.cards(), storage.cardLedger(), new LedgerMoneyMetrics(events), clock, random,
                retry);
    }

    @Provides
    @Singleton
    static RedeemFromHoldUseCase redeemFromHold(CardLedgerWriter writer, LoadProgramsPort programs, DynamoStorage storage) {
        return new RedeemFromHoldUseCase(writer, programs, storage.cardLedger());
    }

    @Provides
    @Singleton
    static CardQueriesUseCase cardQueries(DynamoStorage storage, Clock clock) {
        return new CardQueriesUseCase(storage.cards(), storage.cardLedger(), clock);
    }

    @Provides
    @Singleton
    static ExpireDueUseCase expireDue(CardLedgerWriter writer) {
        return new ExpireDueUseCase(writer);
    }

    @Provides
    @Singleton
    static ManageApiKeysUseCase manageApiKeys(DynamoStorage storage, RandomSource random, Clock clock) {
        return new ManageApiKeysUseCase(storage.provisioning(), random, clock);
    }

    @Provides
    @Singleton
    static PeriodicJobRunner periodicJobs(DynamoStorage storage, ExpireDueUseCase expire, PublishEventPort events,
                                          Clock clock, Lazy<CompleteEnrollmentsUseCase> completeEnrollments,
                                          RollupUseCase rollups, ExploreRollupUseCase explore,
                                          Lazy<SegmentEvaluationUseCase> segmentEvaluations,
                                          Lazy<SendFanoutUseCase> scheduledSends,
                                          Lazy<Optional<RuleFiring>> ruleFiring, CheckoutConfigPort configs) {
        return new PeriodicJobRunner(List.of(
                new ExpirySweepTask(new SweepDueCardsUseCase(storage.cardLedger(), expire, ExpirySweepTask.PARALLELISM)),
                new EventRelayTask(new EventRelay(storage.cardLedger(), events)),
                new EnrollmentCompletionTask(completeEnrollments::get),
                new RollupsTask(storage.brandList(), rollups, explore, System.out),
                new CustomerScoresTask(storage.brandList(), new ScoreCardsUseCase(storage.brandSetup(),
                        storage.cards(), storage.cardStats(), storage.customerScores(), storage.scoreSettings(),
                        storage.scoreRuns()), System.out),
                new SegmentEvaluationsTask(storage.brandList(), segmentEvaluations::get, System.out),
                new ScheduledSendsTask(storage.brandList(), scheduledSends::get, System.out),
                new RuleSendsTask(() -> ruleFiring.get().orElseThrow(RuleWiring::missing)),
                new RuleDatesTask(storage.brandList(), () -> new DateRulesUseCase(
                        ruleFiring.get().orElseThrow(RuleWiring::missing), storage.brandSetup(), storage.cards(),
                        storage.cardStats(), storage.dateRuns(), brand -> configs.load(brand).zone()), System.out)),
                clock);
    }

    /**
     * Rules (issue 15) fire where the portal's configuration is given (the events consumer, the jobs): they sign the
     * unsubscribe links of subscription lists with its secret and queue on its e-mail queue. Elsewhere none.
     */
    @Provides
    @Singleton
    static Optional<RuleFiring> ruleFiring(DynamoStorage storage, Optional<PortalSettings> portal, SqsClient sqs,
                                           Clock clock) {
        return portal.map(p -> RuleWiring.firing(storage, p, sqs, clock));
    }

    /**
     * The scheduled sends' fan-out as the back office builds it, for the jobs function's {@code runDue}: due sends'
     * first pages go to the mailings queue ({@code TALLY_MAILINGS_QUEUE_URL}); the portal's secret signs nothing here
     * (only pages queue e-mails) but is what the fan-out is built with.
     */
    @Provides
    @Singleton
    static SendFanoutUseCase scheduledSends(DynamoStorage storage, SqsClient sqs, ObjectMapper json, Settings settings,
                                            Optional<PortalSettings> portal, Clock clock) {
        PortalSettings p = portal.orElseThrow(() -> new IllegalStateException(
                "the scheduled sends need the portal's configuration (" + PortalSettings.PORTAL_SECRET + ", "
                        + PortalSettings.EMAILS_QUEUE_URL + ")"));
        return Sends.fanout(storage, new SqsSendPages(sqs, settings.requireMailingsQueueUrl(), new SendPageJson(json)),
                new SqsEmailOutbox(sqs, p.emailQueueUrl(), new EmailJson()), SignedTokens.fromText(p.requireSigningSecret()),
                clock);
    }

    /**
     * The segment evaluation job as the back office builds it (the same facts, zone and default coordinates), for the
     * daily {@code startAll}; its pages go to the evaluations queue ({@code TALLY_SEGMENT_EVALUATIONS_QUEUE_URL}).
     */
    @Provides
    @Singleton
    static SegmentEvaluationUseCase segmentEvaluations(DynamoStorage storage, SqsClient sqs, ObjectMapper json,
                                                       Settings settings, RandomSource random, Clock clock) {
        return SegmentEvaluations.useCase(storage, storage.locations(), new SqsEvaluationQueue(sqs,
                settings.requireEvaluationsQueueUrl(), new EvaluatePageJson(json)), storage.auditLog(), random, clock);
    }

    /** The accounting rollups (issue 13), each brand's days in the zone of its checkout configuration (cached). */
    @Provides
    @Singleton
    static RollupUseCase rollups(DynamoStorage storage, CheckoutConfigPort configs, ExploreRollupUseCase explore,
                                 Clock clock) {
        return new RollupUseCase(storage.activityLog(), storage.rollups(), brand -> configs.load(brand).zone(), clock,
                explore::rollUpAgain);
    }

    /** The Explore Data rollups (issue 13): run by the rollups job after the accounting run, which tells them late days. */
    @Provides
    @Singleton
    static ExploreRollupUseCase explore(DynamoStorage storage, CheckoutConfigPort configs, Clock clock) {
        return new ExploreRollupUseCase(storage.activityLog(), storage.explore(), configs::load, clock);
    }

    /** A fresh token for each late note (128 random bits, hex): what lets the job clear only the note it acted on. */
    private static Supplier<String> lateTokens(RandomSource random) {
        return () -> {
            byte[] token = new byte[16];
            random.nextBytes(token);
            return HexFormat.of().formatHex(token);
        };
    }

    /**
     * The enrollment completer is the member portal's (its ports, outbox and secrets): built from the portal's own graph,
     * on first use, so that the containers that never run it (the merchant API) need no portal configuration.
     */
    @Provides
    @Singleton
    static CompleteEnrollmentsUseCase completeEnrollments(Optional<PortalSettings> portal) {
        return PortalComponent.create(portal.orElseThrow(() -> new IllegalStateException(
                "the enrollment completer needs the portal's configuration (" + PortalSettings.PORTAL_SECRET + ", "
                        + PortalSettings.EMAILS_QUEUE_URL + ", " + PortalSettings.SEAL_SECRET + ")")))
                .completeEnrollments();
    }

    @Provides
    @Singleton
    static MerchantApi merchantApi(DynamoStorage storage, CardLedgerWriter writer, RedeemFromHoldUseCase redeemFromHold,
                                   CardQueriesUseCase queries, LoadProgramsPort programs, WireJson json,
                                   RandomSource random, Clock clock, Settings settings,
                                   CachedMerchantAccess merchantAccess, CouponsUseCase coupons,
                                   Set<MerchantMethod> checkoutMethods, PublishEventPort events) {
        RetryPolicy profileRetry = RetryPolicy.of(MAX_WRITE_ATTEMPTS, Backoff.jittered(random, 2, 50, Backoff.Sleeper.THREAD));
        List<MerchantMethod> methods = new ArrayList<>(List.of(
                new ListValueTypeMethod(new ListValueTypesUseCase(programs), json),
                new AllocateMethod(new AllocateCardUseCase(storage.cards(), programs, random, clock,
                        AllocateCardUseCase.WhenPoolEmpty.REJECT), json),
                new UpdateBalanceMethod(new IssueUseCase(writer, programs), new RedeemUseCase(writer, programs),
                        new HoldUseCase(writer, programs), redeemFromHold, new ReleaseHoldUseCase(redeemFromHold),
                        queries, programs, json),
                new SearchMethod(queries, programs, coupons, storage.cardMailings(), json),
                new UpdateAccountMethod(new UpdateAccountUseCase(storage.cards(), writer, profileRetry,
                        storage.portalConfigs(), storage.brandSetup()), json),
                new CardHistoryMethod(queries, programs, json),
                new RecordEventMethod(new RecordEventUseCase(storage.cards(), storage.eventDefinitions(), events, random,
                        clock), json)));
        methods.addAll(checkoutMethods);
        return new MerchantApi(new AuthenticateMerchantUseCase(merchantAccess), methods, json,
                new RequestRefs(random), new RequestLog(System.out, settings.requestLog()),
                new RateLimiter(settings.rateLimitPerKey(), settings.rateBurstPerKey(), System::nanoTime),
                storage.idempotency(), clock, new Sealer(settings.requireSealSecret(), random), random);
    }

    @Provides
    @Singleton
    static EventsConsumer eventsConsumer(DynamoStorage storage, EventJson json, CheckoutUseCase checkout,
                                         CheckoutConfigPort configs, Clock clock, RandomSource random,
                                         CardLedgerWriter writer, LoadProgramsPort programs,
                                         SegmentMembershipPort segments, Optional<RuleFiring> rules) {
        // Card locations (a manager's scope over cards) are linked next to the log's recording, recorded events are kept
        // on their cards (and fire the brand's event campaigns, each award once) and every card's statistics follow its ledger entries and events (exactly once); the log records ledger
        // events with the card's program and card set (the back office's transaction filters). Once recorded, a ledger
        // event of a day that has ended is noted late, so the rollup job rolls that day up again. A committed checkout is
        // attributed to the card's newest mailing within a week before it (the communication report's revenue).
        LateEntries late = new LateEntries(storage.rollups(), brand -> configs.load(brand).zone(), clock, lateTokens(random));
        // Rules fire last (issue 15), where the portal's configuration is given: each send once per trigger (its message id)
        List<Consumer<DomainEvent>> listeners = new ArrayList<>(List.of(checkout::onEvent,
                new CardLocationsListener(storage.cardLocations()), new RecordedEventsListener(storage.cardEvents()),
                new EventCampaignsListener(configs, storage.campaignBudget(), new IssueUseCase(writer, programs),
                        storage.idempotency(), segments, random, clock),
                new CardStatsListener(storage.cardStats(), storage.cardLedger(), storage.cardEvents()),
                new AttributeCheckoutRevenue(storage.cardMailings(), storage.mailingRevenue(), configs)));
        rules.ifPresent(firing -> listeners.add(new RuleEventsListener(firing)));
        return new EventsConsumer(new HandleEventUseCase(storage.activityLog(), listeners,
                new TransactionFacts(storage.cards()), List.of(late)), json, System.out);
    }

    @Provides
    @Singleton
    static io.tally.domain.event.ActivityLogPort activityLog(DynamoStorage storage) {
        return storage.activityLog();
    }

    @Provides
    @Singleton
    static ApplySeedUseCase applySeed(DynamoStorage storage, PublishEventPort events, RandomSource random, Clock clock) {
        return new ApplySeedUseCase(storage.provisioning(), storage.cards(), events, random, clock,
                storage.portalConfigs(), storage.checkoutConfigStore(), storage.coupons(), storage.eventDefinitions(),
                storage.scoreSettings());
    }
}
