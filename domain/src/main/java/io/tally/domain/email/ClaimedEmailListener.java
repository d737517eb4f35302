package io.tally.domain.email;

import java.time.Instant;

/**
 * Told of a message once it is claimed for sending (A23), taken by the provider and its claim marked handed, with the
 * instant it was taken; and again, with that stored instant, on every later delivery of the same message (which finds it
 * claimed and sends nothing): a consumer that died between the mark and this call is thus told by the redelivery. Never
 * told of a message the provider refused, nor of one whose sender died between the send and the mark. Must be
 * idempotent (the card's mailings record by message id).
 */
@FunctionalInterface
public interface ClaimedEmailListener {
    ClaimedEmailListener NONE = (message, at) -> { };

    void claimed(EmailMessage message, Instant at);
}
