package io.tally.domain.fakes;

import io.tally.domain.account.MemberSessionsPort;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** Used links and ended sessions in memory (expiry is the store's housekeeping, not behaviour: kept forever here). */
public final class InMemoryMemberSessions implements MemberSessionsPort {
    private final Set<String> used = new HashSet<>();
    private final Set<String> ended = new HashSet<>();

    @Override
    public synchronized boolean consumeLink(BrandId brand, String linkId, Instant expiresAt) {
        return used.add(brand.value() + "|" + linkId);
    }

    @Override
    public synchronized void end(BrandId brand, String sessionId, Instant expiresAt) {
        ended.add(brand.value() + "|" + sessionId);
    }

    @Override
    public synchronized boolean ended(BrandId brand, String sessionId) {
        return ended.contains(brand.value() + "|" + sessionId);
    }
}
