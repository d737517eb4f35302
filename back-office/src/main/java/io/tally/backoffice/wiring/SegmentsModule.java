package io.tally.backoffice.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Module;
import dagger.Provides;
import io.tally.backoffice.segments.SegmentEvaluator;
import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.segment.evaluation.EvaluationQueuePort;
import io.tally.domain.segment.evaluation.SegmentEvaluationUseCase;
import io.tally.domain.shared.RandomSource;
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
        return SegmentEvaluations.useCase(storage, locations, queue, audit, random, clock);
    }

    @Provides
    @Singleton
    static SegmentEvaluator evaluator(SegmentEvaluationUseCase evaluation, ObjectMapper json) {
        return new SegmentEvaluator(evaluation, new EvaluatePageJson(json), System.out);
    }
}
