package io.tally.portal.delivery;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tally.domain.delivery.DeliveryEvent;
import io.tally.domain.delivery.RecordDeliveryUseCase;
import io.tally.sqs.batch.BatchItems;
import io.tally.sqs.obs.Invocation;
import io.tally.sqs.obs.Level;
import java.io.PrintStream;

/**
 * Records each SES event of the delivery-events queue ({@link SesEvents}): exactly once by its id however often SES,
 * SNS or SQS repeat it. A record that fails (a throttle, another delivery of the event holding its lease, a message
 * that is no SES event) is reported back so SQS redelivers it and, after the queue's receive count, dead-letters it.
 * Logs carry the event kind and id, never an address.
 */
public final class DeliveryEventsConsumer {
    private final SesEvents parser;
    private final RecordDeliveryUseCase record;
    private final PrintStream log;

    public DeliveryEventsConsumer(SesEvents parser, RecordDeliveryUseCase record, PrintStream log) {
        this.parser = parser;
        this.record = record;
        this.log = log;
    }

    public SQSBatchResponse handle(SQSEvent event) {
        return BatchItems.handle(event, message -> {
            for (DeliveryEvent e : parser.read(message.getBody())) {
                var outcome = record.record(e);
                Invocation.itemLine(log, Level.INFO, "delivery event", message.getMessageId()).field("event", e.id())
                        .field("kind", e.kind().name()).field("outcome", outcome.name()).write();
            }
        }, (message, e) -> Invocation.itemLine(log, Level.WARN, "delivery event failed", message.getMessageId())
                .field("error", e.getClass().getSimpleName()).write());
    }
}
