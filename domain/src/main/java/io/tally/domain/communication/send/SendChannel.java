package io.tally.domain.communication.send;

/**
 * How a send reaches its recipients: {@code EMAIL} (a {@code TemplateMail} per card with a primary e-mail, rendered by
 * the e-mail sender) or {@code SMS} (the template's text part, built per card at merge by {@code TemplateSms} and
 * queued on the SMS queue; offered where the graph has that queue, {@link SmsChannel}).
 */
public enum SendChannel {
    EMAIL,
    SMS
}
