package io.tally.backoffice.segments;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tally.domain.segment.evaluation.EvaluatePage;
import io.tally.domain.segment.evaluation.SegmentEvaluationUseCase;
import io.tally.sqs.batch.BatchItems;
import io.tally.sqs.segment.EvaluatePageJson;
import java.io.PrintStream;

/**
 * Evaluates a batch from the segment evaluations queue page by page and reports the failures, so SQS redelivers (and
 * finally dead-letters) only those; every step of a page is idempotent, so a redelivery finishes what a failed attempt
 * began. A page of a snapshot that no longer exists (expired) is logged and dropped.
 */
public final class SegmentEvaluator {
    private final SegmentEvaluationUseCase evaluation;
    private final EvaluatePageJson json;
    private final PrintStream log;

    public SegmentEvaluator(SegmentEvaluationUseCase evaluation, EvaluatePageJson json, PrintStream log) {
        this.evaluation = evaluation;
        this.json = json;
        this.log = log;
    }

    public SQSBatchResponse consume(SQSEvent batch) {
        return BatchItems.handle(batch, log, record -> {
            EvaluatePage page = json.read(record.getBody());
            if (evaluation.evaluatePage(page) == SegmentEvaluationUseCase.Result.NO_SUCH_SNAPSHOT) {
                log.println("{\"level\":\"WARN\",\"messageId\":\"" + record.getMessageId() + "\",\"snapshot\":\""
                        + page.snapshot().text() + "\",\"error\":\"no such snapshot: page dropped\"}");
            }
        });
    }
}
