package io.tally.sqs.segment;

import io.tally.domain.segment.evaluation.EvaluatePage;
import io.tally.domain.segment.evaluation.EvaluationQueuePort;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** Queues a page of a segment evaluation on the evaluations queue with one SendMessage (a page queues the next). */
public final class SqsEvaluationQueue implements EvaluationQueuePort {
    private final SqsClient sqs;
    private final String queueUrl;
    private final EvaluatePageJson json;

    public SqsEvaluationQueue(SqsClient sqs, String queueUrl, EvaluatePageJson json) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.json = json;
    }

    @Override
    public void send(EvaluatePage page) {
        sqs.sendMessage(SendMessageRequest.builder().queueUrl(queueUrl).messageBody(json.write(page)).build());
    }
}
