package io.tally.portal.sms;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tally.domain.sms.DeliverSmsUseCase;
import io.tally.domain.sms.SmsMessage;
import io.tally.sqs.batch.BatchItems;
import io.tally.sqs.sms.SmsJson;
import java.io.PrintStream;

/**
 * Sends each queued text message; a record that fails is reported back so SQS redelivers it (and later dead-letters
 * it). Logged by message id and outcome only: never the number or the text.
 */
public final class SmsConsumer {
    private final DeliverSmsUseCase deliver;
    private final SmsJson json;
    private final PrintStream log;

    public SmsConsumer(DeliverSmsUseCase deliver, SmsJson json, PrintStream log) {
        this.deliver = deliver;
        this.json = json;
        this.log = log;
    }

    public SQSBatchResponse handle(SQSEvent event) {
        return BatchItems.deliver(event, log, "sms", json::read, SmsMessage::id, deliver::deliver);
    }
}
