package io.tally.sqs.event;

import io.tally.domain.event.DomainEvent;
import io.tally.domain.event.PublishEventPort;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** Publishes domain events to the events queue, ten per request (the SQS maximum). */
public final class SqsEventPublisher implements PublishEventPort {
    private static final int SQS_BATCH = 10;
    private final SqsClient sqs;
    private final String queueUrl;
    private final EventJson json;

    public SqsEventPublisher(SqsClient sqs, String queueUrl, EventJson json) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.json = json;
    }

    @Override
    public void publish(List<DomainEvent> events) {
        for (int from = 0; from < events.size(); from += SQS_BATCH) {
            List<DomainEvent> chunk = events.subList(from, Math.min(events.size(), from + SQS_BATCH));
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(json.write(chunk.get(i))).build());
            }
            SendMessageBatchResponse response = sqs.sendMessageBatch(SendMessageBatchRequest.builder()
                    .queueUrl(queueUrl).entries(entries).build());
            if (response.hasFailed() && !response.failed().isEmpty()) {
                throw new IllegalStateException("SQS refused " + response.failed().size() + " event(s): "
                        + response.failed().get(0).code() + " " + response.failed().get(0).message());
            }
        }
    }
}
