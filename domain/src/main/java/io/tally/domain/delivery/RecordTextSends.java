package io.tally.domain.delivery;

import io.tally.domain.communication.CardMailing;
import io.tally.domain.communication.CardMailingsPort;
import io.tally.domain.communication.TemplateMail;
import io.tally.domain.delivery.DeliveryEvent.Kind;
import io.tally.domain.sms.ClaimedSmsListener;
import io.tally.domain.sms.SmsMessage;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a claimed text of a mailing leaves behind, told by the SMS sender after the provider took it and again on every
 * redelivery (so each step is safe to repeat): the card's mailing (A132, channel SMS: what {@code search} answers and
 * what a checkout's revenue is attributed to) and the send request counted once, as the event
 * {@code sent-<message id>} (the provider publishes no event for a text's sending). A send's test counts nothing and
 * is kept under no card, as an e-mail test. A claimed text counts as sent here as it does for the per-message claim,
 * also when the provider failed after the claim (at most once, never twice).
 */
public final class RecordTextSends implements ClaimedSmsListener {
    private final CardMailingsPort mailings;
    private final RecordDeliveryUseCase delivery;

    public RecordTextSends(CardMailingsPort mailings, RecordDeliveryUseCase delivery) {
        this.mailings = Objects.requireNonNull(mailings, "mailings");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
    }

    @Override
    public void claimed(SmsMessage text, Instant at) {
        if (text.origin().isEmpty() || TemplateMail.test(text.origin().get().mailing())) {
            return;
        }
        SmsMessage.Origin origin = text.origin().get();
        mailings.record(CardMailing.ofText(text, at));
        delivery.record(DeliveryEvent.ofText("sent-" + text.id(), text.brand(), Kind.SEND, origin.mailing(),
                Optional.of(text.list()), origin.location(), text.to(), at));
    }
}
