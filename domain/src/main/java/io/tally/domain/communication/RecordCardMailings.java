package io.tally.domain.communication;

import io.tally.domain.email.ClaimedEmailListener;
import io.tally.domain.email.EmailMessage;
import java.time.Instant;
import java.util.Objects;

/**
 * Keeps a claimed template e-mail under its card (A132): every {@link TemplateMail} except a send's test
 * ({@link TemplateMail#test}), once per message id. The e-mail sender tells it after the send and again on every
 * redelivery of the claimed message, so a sender that died between its claim and this write is mended by the queue's
 * redelivery (which never sends again); the first recording's instant stands. A claimed message counts as sent here as
 * it does for the per-message claim, also when the provider failed after it (at most once, never twice).
 */
public final class RecordCardMailings implements ClaimedEmailListener {
    private final CardMailingsPort mailings;

    public RecordCardMailings(CardMailingsPort mailings) {
        this.mailings = Objects.requireNonNull(mailings, "mailings");
    }

    @Override
    public void claimed(EmailMessage message, Instant at) {
        TemplateMail.of(message).filter(mail -> !TemplateMail.test(mail.mailing()))
                .ifPresent(mail -> mailings.record(CardMailing.of(mail, at)));
    }
}
