package io.tally.domain.sms;

/**
 * Hands a text message to the SMS provider (AWS End User Messaging SMS on AWS; a local capture elsewhere, as mail is
 * captured by GreenMail). Throws when it was not accepted.
 */
public interface SmsSenderPort {
    void send(SmsMessage message);
}
