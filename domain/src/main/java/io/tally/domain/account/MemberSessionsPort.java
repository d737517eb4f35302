package io.tally.domain.account;

import io.tally.domain.tenant.BrandId;
import java.time.Instant;

/**
 * What the member account must remember although its sessions live in signed cookies: which sign-in links were used
 * (a link signs in once, even when two clicks race) and which sessions were ended (a copy of a signed-out cookie is
 * worth nothing). Each is one single-item write; both forget on their own after {@code expiresAt} (DynamoDB TTL),
 * by which time the link or session has expired anyway.
 */
public interface MemberSessionsPort {
    /** Marks the link {@code linkId} used: true for the one call that marked it, false for every later one. */
    boolean consumeLink(BrandId brand, String linkId, Instant expiresAt);

    /** Records that the session {@code sessionId} ended (signed out). Repeating it is harmless. */
    void end(BrandId brand, String sessionId, Instant expiresAt);

    /** True once {@link #end} was recorded for the session (read consistently). */
    boolean ended(BrandId brand, String sessionId);
}
