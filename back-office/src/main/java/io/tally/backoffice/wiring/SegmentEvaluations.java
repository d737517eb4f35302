package io.tally.backoffice.wiring;

import io.tally.backoffice.segments.SegmentFacts;
import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.backoffice.SetupAudit;
import io.tally.domain.segment.evaluation.EvaluationQueuePort;
import io.tally.domain.segment.evaluation.SegmentEvaluationUseCase;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.tenant.Brand;
import io.tally.domain.tenant.LocationsPort;
import io.tally.dynamo.store.DynamoStorage;
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
                SegmentFacts.of(storage, locations, clock), storage.cards(), queue, new BrandZones(storage.checkoutConfig(), clock),
                brand -> storage.brandSetup().brand(brand).flatMap(Brand::defaultCoordinates),
                new SetupAudit(audit, random, clock), clock);
    }
}
