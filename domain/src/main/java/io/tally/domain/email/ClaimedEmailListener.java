package io.tally.domain.email;

import java.time.Instant;

/**
 * Told of a message once it is claimed for sending (A23) and handed to the provider, and again on every later delivery
 * of the same message (which finds it claimed and sends nothing): a consumer that died between the claim and this call
 * is thus told by the redelivery. Must be idempotent (the card's mailings record by message id).
 */
@FunctionalInterface
public interface ClaimedEmailListener {
    ClaimedEmailListener NONE = (message, at) -> { };

    void claimed(EmailMessage message, Instant at);
}
