package io.tally.sqs.sms;

import io.tally.domain.sms.SmsMessage;
import io.tally.domain.sms.SmsOutboxPort;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** Queues text messages on the SMS queue (QueueId.SMS), consumed by the SMS sender function. */
public final class SqsSmsOutbox implements SmsOutboxPort {
    private final SqsClient sqs;
    private final String queueUrl;
    private final SmsJson json;

    public SqsSmsOutbox(SqsClient sqs, String queueUrl, SmsJson json) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.json = json;
    }

    @Override
    public void enqueue(SmsMessage message) {
        sqs.sendMessage(SendMessageRequest.builder().queueUrl(queueUrl).messageBody(json.write(message)).build());
    }
}
