package io.tally.portal.email;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tally.domain.email.DeliverEmailUseCase;
import io.tally.domain.email.EmailMessage;
import io.tally.sqs.batch.BatchItems;
import io.tally.sqs.email.EmailJson;
import java.io.PrintStream;

/**
 * Sends each queued e-mail; a record that fails is reported back so SQS redelivers it (and later dead-letters it).
 * A failure is logged by its exception's class only: a mail provider's message may name the recipient.
 */
public final class EmailConsumer {
    private final DeliverEmailUseCase deliver;
    private final EmailJson json;
    private final PrintStream log;

    public EmailConsumer(DeliverEmailUseCase deliver, EmailJson json, PrintStream log) {
        this.deliver = deliver;
        this.json = json;
        this.log = log;
    }

    public SQSBatchResponse handle(SQSEvent event) {
        return BatchItems.deliver(event, log, "email", json::read, EmailMessage::id, deliver::deliver);
    }
}
