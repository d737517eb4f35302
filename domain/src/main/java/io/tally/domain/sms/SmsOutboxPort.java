package io.tally.domain.sms;

/**
 * Queues text messages for the SMS sending function (SQS), so whoever sends (a scheduled send's fan-out, a rule)
 * never waits on the SMS provider. Throws if the message could not be queued.
 */
public interface SmsOutboxPort {
    void enqueue(SmsMessage message);
}
