package io.tally.backoffice.wiring;

import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.backoffice.SetupAudit;
import io.tally.domain.segment.AvailableRewards;
import io.tally.domain.segment.CardUseFacts;
import io.tally.domain.segment.EngagementStatistics;
import io.tally.domain.segment.LedgerMemberFacts;
import io.tally.domain.segment.MemberFactsPort;
import io.tally.domain.segment.RecentEvents;
import io.tally.domain.segment.evaluation.EvaluationQueuePort;
import io.tally.domain.segment.evaluation.SegmentEvaluationUseCase;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.tenant.Brand;
import io.tally.domain.tenant.LocationsPort;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.sqs.wiring.BrandZones;
import java.time.Clock;

/**
 * How every graph that evaluates segments builds them: the back office (live count, "Evaluate now", the evaluator)
 * and the jobs function (the daily {@code startAll}), so that all of them read the same member facts, zone and
 * default coordinates.
 */
public final class SegmentEvaluations {
    private SegmentEvaluations() {
    }

    /** The evaluation job's use case over the DynamoDB stores and {@code queue}. */
    public static SegmentEvaluationUseCase useCase(DynamoStorage storage, LocationsPort locations,
                                                   EvaluationQueuePort queue, AuditLogPort audit, RandomSource random,
                                                   Clock clock) {
        return new SegmentEvaluationUseCase(storage.segments(), storage.segmentSnapshots(), storage.brandCards(),
                memberFacts(storage, locations, clock), storage.cards(), queue, new BrandZones(storage.checkoutConfig(), clock),
                brand -> storage.brandSetup().brand(brand).flatMap(Brand::defaultCoordinates),
                new SetupAudit(audit, random, clock), clock);
    }

    /**
     * The member facts every evaluation of segments reads (the builder's live count, the evaluation job, the benchmark's
     * figure 11): the ledger's facts with the statistics (the brand's currency read once a minute), the stored score,
     * recent events and rewards (each only when a filter needs them), inside {@link CardUseFacts} for the locations each
     * card was used at (a by-location segment's rule).
     */
    public static MemberFactsPort memberFacts(DynamoStorage storage, LocationsPort locations, Clock clock) {
        LedgerMemberFacts facts = new LedgerMemberFacts(storage.cardLedger(), storage.cards(), locations,
                new EngagementStatistics(storage.cardStats(), storage.checkoutConfig(), clock),
                card -> storage.customerScores().score(card.brand(), card.number()).map(s -> s.score().total()),
                new RecentEvents(storage.cardEvents()), new AvailableRewards(storage.coupons()), clock);
        return new CardUseFacts(facts, storage.cardLocations());
    }
}
