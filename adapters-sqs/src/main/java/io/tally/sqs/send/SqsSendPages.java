package io.tally.sqs.send;

import io.tally.domain.communication.send.SendPage;
import io.tally.domain.communication.send.SendPagesQueuePort;
import java.time.Duration;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Queues a page of a send's fan-out on the mailings queue with one SendMessage, its {@code DelaySeconds} the pacing
 * (rounded up to whole seconds, at most SQS's 900).
 */
public final class SqsSendPages implements SendPagesQueuePort {
    private final SqsClient sqs;
    private final String queueUrl;
    private final SendPageJson json;

    public SqsSendPages(SqsClient sqs, String queueUrl, SendPageJson json) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.json = json;
    }

    @Override
    public void send(SendPage page, Duration delay) {
        int seconds = (int) Math.min(MAX_DELAY.toSeconds(), (delay.toMillis() + 999) / 1000);
        sqs.sendMessage(SendMessageRequest.builder().queueUrl(queueUrl).messageBody(json.write(page))
                .delaySeconds(Math.max(0, seconds)).build());
    }
}
