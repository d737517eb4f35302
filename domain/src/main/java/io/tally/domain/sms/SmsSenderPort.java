package io.tally.domain.sms;

/**
 * Hands a text message to the SMS provider (AWS End User Messaging SMS on AWS; a local capture elsewhere, as mail is
 * captured by GreenMail). Throws when it was not accepted.
 */
public interface SmsSenderPort {
    /** {@code transactional}: on the brand's transactional list (providers route promotional texts apart). */
    void send(SmsMessage message, boolean transactional);
}
