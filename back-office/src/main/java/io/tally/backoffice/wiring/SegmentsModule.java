package io.tally.backoffice.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Module;
import dagger.Provides;
import io.tally.backoffice.segments.SegmentEvaluator;
import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.backoffice.SetupAudit;
import io.tally.domain.segment.EngagementStatistics;
import io.tally.domain.segment.AvailableRewards;
import io.tally.domain.segment.CardUseFacts;
import io.tally.domain.segment.LedgerMemberFacts;
import io.tally.domain.segment.MemberFactsPort;
import io.tally.domain.segment.RecentEvents;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.segment.evaluation.EvaluationQueuePort;
import io.tally.domain.segment.evaluation.SegmentEvaluationUseCase;
import io.tally.domain.tenant.Brand;
import io.tally.domain.tenant.LocationsPort;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.sqs.segment.EvaluatePageJson;
import io.tally.sqs.segment.SqsEvaluationQueue;
import java.time.Clock;
import javax.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The segment evaluation job (issue 14): its use case over the snapshot store and queue, and its queue's consumer. */
@Module
final class SegmentsModule {
    private SegmentsModule() {
    }

    /** Without the evaluations queue configured, a start fails loudly (nothing could evaluate its pages). */
    @Provides
    @Singleton
    static EvaluationQueuePort evaluationQueue(SqsClient sqs, ObjectMapper json, OfficeSettings settings) {
        return settings.evaluationsQueueUrl().<EvaluationQueuePort>map(url -> new SqsEvaluationQueue(sqs, url,
                new EvaluatePageJson(json))).orElse(page -> {
                    throw new IllegalStateException(OfficeSettings.EVALUATIONS_QUEUE_URL + " is not set");
                });
    }

    @Provides
    @Singleton
    static SegmentEvaluationUseCase evaluation(DynamoStorage storage, LocationsPort locations, EvaluationQueuePort queue,
                                               AuditLogPort audit, RandomSource random, Clock clock) {
        return new SegmentEvaluationUseCase(storage.segments(), storage.segmentSnapshots(), storage.brandCards(),
                memberFacts(storage, locations, clock), storage.cards(), queue, new BrandZones(storage.checkoutConfig(), clock),
                brand -> storage.brandSetup().brand(brand).flatMap(Brand::defaultCoordinates),
                new SetupAudit(audit, random, clock), clock);
    }

    /**
     * The member facts every evaluation of segments reads (the live count and the evaluation job): the ledger's facts
     * with the statistics, the stored score, recent events and rewards, inside {@link CardUseFacts} for the locations
     * each card was used at (a by-location segment's rule).
     */
    static MemberFactsPort memberFacts(DynamoStorage storage, LocationsPort locations, Clock clock) {
        LedgerMemberFacts facts = new LedgerMemberFacts(storage.cardLedger(), storage.cards(), locations,
                new EngagementStatistics(storage.cardStats(), storage.checkoutConfig()),
                card -> storage.customerScores().score(card.brand(), card.number()).map(s -> s.score().total()),
                new RecentEvents(storage.cardEvents()), new AvailableRewards(storage.coupons(), clock), clock);
        return new CardUseFacts(facts, storage.cardLocations());
    }

    @Provides
    @Singleton
    static SegmentEvaluator evaluator(SegmentEvaluationUseCase evaluation, ObjectMapper json) {
        return new SegmentEvaluator(evaluation, new EvaluatePageJson(json), System.out);
    }
}
