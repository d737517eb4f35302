package io.tally.domain.email;

import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.Optional;

/**
 * Remembers which messages were handed to the mail provider. Claimed with one conditional write before
 * sending, so a redelivered queue message, or the same message queued twice, is sent at most once.
 */
public interface SentEmailsPort {
    /** True if this call claimed the message (nobody sent it before). */
    boolean claim(BrandId brand, String messageId, Instant now);

    /**
     * Marks a claimed message as taken by the provider at {@code at} (after its send returned); the first mark stands.
     * What a redelivery of an e-mail or a text reads ({@link #handedAt}) to tell a message the provider took from one it
     * refused.
     */
    void markHanded(BrandId brand, String messageId, Instant at);

    /** When the provider took the message ({@link #markHanded}, read strongly consistently); empty if never marked. */
    Optional<Instant> handedAt(BrandId brand, String messageId);
}
