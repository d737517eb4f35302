package io.tally.backoffice.segments;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tally.backoffice.wiring.OfficeComponent;
import io.tally.backoffice.wiring.OfficeSettings;
import io.tally.sqs.obs.Telemetry;

/** Lambda entry point of the segment evaluator (consumes QueueId.SEGMENT_EVALUATIONS, ReportBatchItemFailures on). */
public final class SegmentEvaluatorHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final SegmentEvaluator evaluator;
    /** Named as FunctionId.SEGMENT_EVALUATOR (TelemetryNamesTest checks the names). */
    private final Telemetry telemetry = Telemetry.forFunction("segment-evaluator");

    public SegmentEvaluatorHandler() {
        this(OfficeComponent.create(OfficeSettings.forSegmentEvaluator(System.getenv())));
    }

    public SegmentEvaluatorHandler(OfficeComponent component) {
        this.evaluator = component.segmentEvaluator();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return telemetry.sqs(event, context, evaluator::consume);
    }
}
