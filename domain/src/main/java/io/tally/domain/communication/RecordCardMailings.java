package io.tally.domain.communication;

import io.tally.domain.email.ClaimedEmailListener;
import io.tally.domain.email.EmailMessage;
import java.time.Instant;
import java.util.Objects;

/**
 * Keeps a template e-mail the provider took under its card (A132): every {@link TemplateMail} except a send's test
 * ({@link TemplateMail#test}), once per message id, at the instant the provider took it. The e-mail sender tells it
 * after the send and the claim's mark (A23 {@code handedAt}) and again on every redelivery of a message so marked, so a
 * sender that died between the mark and this write is mended by the queue's redelivery (which never sends again); the
 * first recording stands. A message the provider refused, or whose sender died between the send and the mark, is
 * never kept (no mailing to attribute revenue to).
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
