package io.tally.sqs.event;

import io.tally.domain.event.DomainEvent;
import io.tally.domain.event.PublishEventPort;
import io.tally.sqs.batch.SendBatches;
import io.tally.sqs.json.SqsBody;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** Publishes domain events to the events queue with SendMessageBatch, within SQS's limits ({@link #publish}). */
public final class SqsEventPublisher implements PublishEventPort {
    private final Supplier<SqsClient> sqs;
    private final String queueUrl;
    private final EventJson json;

    public SqsEventPublisher(SqsClient sqs, String queueUrl, EventJson json) {
        this(() -> sqs, queueUrl, json);
    }

    /** With the client taken at the first publish: a graph may build it meanwhile, on another thread. */
    public SqsEventPublisher(Supplier<SqsClient> sqs, String queueUrl, EventJson json) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.json = json;
    }

    /**
     * Sends the events in requests within SQS's limits ({@link SendBatches}): never one SQS must refuse, which the
     * outbox would retry forever. No event the system makes is too large for a request of its own: the largest, a
     * checkout at every limit of the merchant API, is 178,577 bytes ({@code SqsEventPublisherTest}). One over 250,000
     * bytes (a bug) would fail the call, naming it, after the others are sent. Nor does any hold a character SQS
     * refuses: {@link EventJson} writes through {@link SqsBody}.
     */
    @Override
    public void publish(List<DomainEvent> events) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                    .messageBody(json.write(events.get(i))).build());
        }
        SendBatches.sendAll(sqs.get(), queueUrl, entries, "event");
    }
}
