package io.tally.backoffice.sends;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tally.domain.communication.send.SendFanoutUseCase;
import io.tally.domain.communication.send.SendPage;
import io.tally.sqs.batch.BatchItems;
import io.tally.sqs.send.SendPageJson;
import java.io.PrintStream;

/**
 * Fans out a batch from the mailings queue page by page and reports the failures, so SQS redelivers (and finally
 * dead-letters) only those; every step of a page is idempotent, so a redelivery finishes what a failed attempt began.
 * A page of a send that no longer exists is logged and dropped.
 */
public final class Mailer {
    private final SendFanoutUseCase fanout;
    private final SendPageJson json;
    private final PrintStream log;

    public Mailer(SendFanoutUseCase fanout, SendPageJson json, PrintStream log) {
        this.fanout = fanout;
        this.json = json;
        this.log = log;
    }

    public SQSBatchResponse consume(SQSEvent batch) {
        return BatchItems.handle(batch, log, record -> {
            SendPage page = json.read(record.getBody());
            if (fanout.page(page) == SendFanoutUseCase.Result.NO_SUCH_SEND) {
                log.println("{\"level\":\"WARN\",\"messageId\":\"" + record.getMessageId() + "\",\"send\":\""
                        + page.send() + "\",\"error\":\"no such send: page dropped\"}");
            }
        });
    }
}
