package io.tally.lambda.sqs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tally.lambda.wiring.Settings;
import io.tally.lambda.wiring.TallyComponent;

/** Lambda entry point of the events-queue consumer (event source mapping with ReportBatchItemFailures). */
public final class EventsConsumerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final EventsConsumer consumer;

    public EventsConsumerHandler() {
        this(TallyComponent.create(Settings.fromEnvironment(System.getenv())));
    }

    public EventsConsumerHandler(TallyComponent component) {
        this.consumer = component.eventsConsumer();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return consumer.consume(event);
    }
}
