package io.tally.domain.communication.send;

import io.tally.domain.sms.SmsOutboxPort;
import java.util.Objects;

/**
 * The SMS channel of sends, where a graph has it: the texts ({@link SendTexts}) and the SMS queue
 * ({@link SmsOutboxPort}, {@code tally-sms}) they go on. A graph without it offers e-mail only, and a page of an SMS
 * send reaching such a graph fails (and is redelivered, then dead-lettered: the send goes ERROR).
 */
public record SmsChannel(SmsOutboxPort outbox, SendTexts texts) {
    public SmsChannel {
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(texts, "texts");
    }
}
