package io.tally.lambda.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tally.domain.event.HandleEventUseCase;
import io.tally.sqs.batch.BatchItems;
import io.tally.sqs.event.EventJson;
import java.io.PrintStream;

/**
 * Handles a batch from the events queue record by record and reports the failures, so that SQS
 * deletes the successes and redelivers (and finally dead-letters) only the failed ones.
 * A record that is not an event at all fails every time and ends in the DLQ, where it can be looked at.
 */
public final class EventsConsumer {
    private final HandleEventUseCase handle;
    private final EventJson json;
    private final PrintStream log;

    public EventsConsumer(HandleEventUseCase handle, EventJson json, PrintStream log) {
        this.handle = handle;
        this.json = json;
        this.log = log;
    }

    public SQSBatchResponse consume(SQSEvent batch) {
        return BatchItems.handle(batch, log, record -> handle.handle(json.read(record.getBody())));
    }
}
