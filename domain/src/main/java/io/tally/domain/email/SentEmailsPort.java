package io.tally.domain.email;

import io.tally.domain.tenant.BrandId;
import java.time.Instant;

/**
 * Remembers which messages were handed to the mail provider. Claimed with one conditional write before
 * sending, so a redelivered queue message, or the same message queued twice, is sent at most once.
 */
public interface SentEmailsPort {
    /** True if this call claimed the message (nobody sent it before). */
    boolean claim(BrandId brand, String messageId, Instant now);
}
