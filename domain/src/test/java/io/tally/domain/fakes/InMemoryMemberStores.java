package io.tally.domain.fakes;

import io.tally.domain.card.CardNumber;
import io.tally.domain.email.SentEmailsPort;
import io.tally.domain.member.AttemptCounterPort;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.MemberDirectoryPort;
import io.tally.domain.member.Preferences;
import io.tally.domain.member.PreferencesPort;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.portal.PortalConfigPort;
import io.tally.domain.referral.ReferralClaim;
import io.tally.domain.referral.ReferralClaimPort;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The member portal's storage ports in memory, with the DynamoDB adapters' semantics (conditional claims,
 * counters per window). Thread-safe. One object, as one table serves them all in production.
 */
public final class InMemoryMemberStores implements PortalConfigPort, MemberDirectoryPort, AttemptCounterPort,
        PreferencesPort, ReferralClaimPort, SentEmailsPort {
    private final Map<String, PortalConfig> configs = new HashMap<>();
    private final Map<String, CardNumber> directory = new HashMap<>();
    private final Map<String, Long> counters = new HashMap<>();
    private final Map<String, Preferences> preferences = new HashMap<>();
    private final Map<String, ReferralClaim> claims = new HashMap<>();
    private final Set<String> sent = new HashSet<>();
    private int directoryCrashes;

    /** The process dies at the next {@code n} contact claims ({@link Crash}). */
    public synchronized void crashNextDirectoryClaims(int n) {
        directoryCrashes = n;
    }

    @Override
    public synchronized Optional<PortalConfig> load(BrandId brand) {
        return Optional.ofNullable(configs.get(brand.value()));
    }

    @Override
    public synchronized boolean save(PortalConfig config) {
        return !config.equals(configs.put(config.brand().value(), config));
    }

    @Override
    public synchronized ClaimOutcome claim(BrandId brand, ContactKey contact, CardNumber card) {
        if (directoryCrashes > 0) {
            directoryCrashes--;
            throw new Crash("claiming " + contact.asText());
        }
        CardNumber owner = directory.putIfAbsent(brand.value() + "|" + contact.asText(), card);
        return owner == null || owner.equals(card) ? new ClaimOutcome.Claimed() : new ClaimOutcome.Taken(owner);
    }

    @Override
    public synchronized Optional<CardNumber> find(BrandId brand, ContactKey contact) {
        return Optional.ofNullable(directory.get(brand.value() + "|" + contact.asText()));
    }

    @Override
    public synchronized void release(BrandId brand, ContactKey contact, CardNumber card) {
        directory.remove(brand.value() + "|" + contact.asText(), card);
    }

    @Override
    public synchronized long increment(String counter, Instant windowStart, Instant expiresAt) {
        return counters.merge(counter + "|" + windowStart.getEpochSecond(), 1L, Long::sum);
    }

    @Override
    public synchronized long count(String counter, Instant windowStart) {
        return counters.getOrDefault(counter + "|" + windowStart.getEpochSecond(), 0L);
    }

    @Override
    public synchronized void reset(String counter, Instant windowStart) {
        counters.remove(counter + "|" + windowStart.getEpochSecond());
    }

    @Override
    public synchronized Optional<Preferences> load(BrandId brand, ContactKey email) {
        return Optional.ofNullable(preferences.get(brand.value() + "|" + email.asText()));
    }

    @Override
    public synchronized void save(BrandId brand, Preferences p) {
        preferences.put(brand.value() + "|" + p.email().asText(), p);
    }

    @Override
    public synchronized Optional<ReferralClaim> claim(ReferralClaim claim) {
        return Optional.ofNullable(claims.putIfAbsent(claim.brand().value() + "|" + claim.friendEmail(), claim));
    }

    @Override
    public synchronized boolean claim(BrandId brand, String messageId, Instant now) {
        return sent.add(brand.value() + "|" + messageId);
    }
}
