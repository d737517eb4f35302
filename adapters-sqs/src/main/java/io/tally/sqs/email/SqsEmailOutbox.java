package io.tally.sqs.email;

import io.tally.domain.email.EmailMessage;
import io.tally.domain.email.EmailOutboxPort;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** Queues e-mails on the e-mail queue (QueueId.EMAILS), consumed by the e-mail sender function. */
public final class SqsEmailOutbox implements EmailOutboxPort {
    private final SqsClient sqs;
    private final String queueUrl;
    private final EmailJson json;

    public SqsEmailOutbox(SqsClient sqs, String queueUrl, EmailJson json) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.json = json;
    }

    @Override
    public void enqueue(EmailMessage message) {
        sqs.sendMessage(SendMessageRequest.builder().queueUrl(queueUrl).messageBody(json.write(message)).build());
    }
}
