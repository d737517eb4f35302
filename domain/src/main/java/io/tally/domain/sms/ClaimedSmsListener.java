package io.tally.domain.sms;

import java.time.Instant;

/**
 * Told of a text once it is claimed for sending (A23) and handed to the provider, and again on every later delivery of
 * the same text (which finds it claimed and sends nothing): a sender that died between the claim and this call is thus
 * told by the redelivery. Must be idempotent (what it records is keyed by the message id). The SMS twin of
 * {@code email.ClaimedEmailListener}.
 */
@FunctionalInterface
public interface ClaimedSmsListener {
    ClaimedSmsListener NONE = (message, at) -> { };

    void claimed(SmsMessage message, Instant at);
}
