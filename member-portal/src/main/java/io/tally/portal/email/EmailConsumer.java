package io.tally.portal.email;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tally.domain.email.DeliverEmailUseCase;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Sends each queued e-mail; a record that fails is reported back so SQS redelivers it (and later dead-letters it). */
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
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        if (event.getRecords() != null) {
            for (SQSEvent.SQSMessage record : event.getRecords()) {
                try {
                    var message = json.read(record.getBody());
                    var delivery = deliver.deliver(message);
                    log.println("{\"email\":\"" + message.id() + "\",\"delivery\":\"" + delivery + "\"}");
                } catch (RuntimeException e) {
                    log.println("{\"emailFailed\":\"" + record.getMessageId() + "\",\"error\":\"" + e.getClass().getSimpleName() + "\"}");
                    failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
                }
            }
        }
        return new SQSBatchResponse(failures);
    }
}
