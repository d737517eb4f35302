package io.tally.domain.fakes;

import io.tally.domain.card.CardNumber;
import io.tally.domain.email.SentEmailsPort;
import io.tally.domain.member.AttemptCounterPort;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.EnrollmentRecord;
import io.tally.domain.member.MemberDirectoryPort;
import io.tally.domain.member.Preferences;
import io.tally.domain.member.PreferencesPort;
import io.tally.domain.member.PreferencesPort.Choice;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.portal.PortalConfigPort;
import io.tally.domain.referral.ReferralClaim;
import io.tally.domain.referral.ReferralClaimPort;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The member portal's storage ports in memory, with the DynamoDB adapters' semantics (conditional claims,
 * counters per window). Thread-safe. One object, as one table serves them all in production.
 */
public final class InMemoryMemberStores implements PortalConfigPort, MemberDirectoryPort, AttemptCounterPort,
        PreferencesPort, ReferralClaimPort, SentEmailsPort {
    private final Map<String, PortalConfig> configs = new HashMap<>();
    private final Map<String, EnrollmentRecord> enrollments = new HashMap<>();
    private final Map<String, PhoneClaim> phones = new HashMap<>();
    private final Map<String, Long> counters = new HashMap<>();
    private final Map<String, Map<String, Choice>> preferences = new HashMap<>();
    private final Map<String, ReferralClaim> claims = new HashMap<>();
    private final Set<String> sent = new HashSet<>();
    private final Map<String, Instant> handed = new HashMap<>();
    private int directoryCrashes;

    /** A phone's claim: the card and the enrollment (at its choice number) that claimed it. */
    private record PhoneClaim(CardNumber card, String enrollment, int round) {
    }

    /**
     * The process dies at the next {@code n} contact claims ({@link Crash}), before they are written: an e-mail's
     * ({@link #start}) or a phone's ({@link #claim(BrandId, ContactKey, CardNumber, String, int)}).
     */
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
    public synchronized Optional<CardNumber> find(BrandId brand, ContactKey contact) {
        return contact.kind() == ContactKey.Kind.EMAIL
                ? Optional.ofNullable(enrollments.get(key(brand, contact))).flatMap(EnrollmentRecord::card)
                : Optional.ofNullable(phones.get(key(brand, contact))).map(PhoneClaim::card);
    }

    @Override
    public synchronized ClaimOutcome claim(BrandId brand, ContactKey phone, CardNumber card, String enrollmentId, int round) {
        if (phone.kind() != ContactKey.Kind.PHONE) {
            throw new IllegalArgumentException("e-mails are claimed by starting an enrollment");
        }
        crashIfArmed("claiming " + phone.asText());
        PhoneClaim held = phones.get(key(brand, phone));
        if (held == null || held.enrollment().equals(enrollmentId) && held.round() <= round) {
            phones.put(key(brand, phone), new PhoneClaim(card, enrollmentId, round));
            return new ClaimOutcome.Claimed();
        }
        return held.enrollment().equals(enrollmentId) ? new ClaimOutcome.Superseded(held.card()) : new ClaimOutcome.Taken(held.card());
    }

    @Override
    public synchronized Optional<EnrollmentRecord> start(EnrollmentRecord pending) {
        if (!pending.pending() || pending.round() != 0) {
            throw new IllegalArgumentException("an enrollment starts pending, nothing chosen");
        }
        crashIfArmed("claiming " + pending.email().asText());
        return Optional.ofNullable(enrollments.putIfAbsent(key(pending.brand(), pending.email()), pending));
    }

    @Override
    public synchronized Optional<EnrollmentRecord> enrollment(BrandId brand, ContactKey email) {
        return Optional.ofNullable(enrollments.get(key(brand, email)));
    }

    @Override
    public synchronized boolean choose(EnrollmentRecord seen, CardNumber card, EnrollmentRecord.SealedPin pin) {
        return replaceIf(seen, true, r -> r.round() == seen.round(), r -> r.chosen(card, pin));
    }

    @Override
    public synchronized boolean complete(EnrollmentRecord pending, Instant revealUntil) {
        return replaceIf(pending, true, r -> r.round() == pending.round() && r.card().isPresent(), r -> new EnrollmentRecord(
                r.brand(), r.email(), r.id(), EnrollmentRecord.Status.COMPLETE, r.card(), r.round(), r.pin(), r.intent(),
                Optional.of(revealUntil)));
    }

    @Override
    public synchronized void abandon(EnrollmentRecord pending) {
        EnrollmentRecord current = enrollments.get(key(pending.brand(), pending.email()));
        if (current != null && current.pending() && current.id().equals(pending.id())) {
            enrollments.remove(key(pending.brand(), pending.email()));
        }
    }

    @Override
    public synchronized void scrub(EnrollmentRecord complete) {
        replaceIf(complete, false, r -> true, r -> new EnrollmentRecord(r.brand(), r.email(), r.id(), r.status(), r.card(),
                r.round(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Override
    public synchronized boolean postpone(EnrollmentRecord record, Instant due) {
        return replaceIf(record, record.pending(), r -> r.due().isPresent(), r -> new EnrollmentRecord(r.brand(), r.email(),
                r.id(), r.status(), r.card(), r.round(), r.pin(), r.intent(), Optional.of(due)));
    }

    @Override
    public synchronized List<EnrollmentRecord> due(Instant before, int limit) {
        if (limit < 1 || limit > MAX_DUE) {
            throw new IllegalArgumentException("limit 1.." + MAX_DUE);
        }
        return enrollments.values().stream().filter(r -> r.due().filter(d -> d.isBefore(before)).isPresent())
                .sorted(Comparator.comparing((EnrollmentRecord r) -> r.due().orElseThrow())
                        .thenComparing(r -> r.brand().value()).thenComparing(r -> r.email().asText()))
                .limit(limit).toList();
    }

    /** Replaces the e-mail's record if it is still {@code seen}'s enrollment, in {@code seen}'s status, and {@code more} holds. */
    private boolean replaceIf(EnrollmentRecord seen, boolean pending, Predicate<EnrollmentRecord> more,
                              UnaryOperator<EnrollmentRecord> change) {
        String key = key(seen.brand(), seen.email());
        EnrollmentRecord current = enrollments.get(key);
        if (current == null || !current.id().equals(seen.id()) || current.pending() != pending || !more.test(current)) {
            return false;
        }
        enrollments.put(key, change.apply(current));
        return true;
    }

    private void crashIfArmed(String where) {
        if (directoryCrashes > 0) {
            directoryCrashes--;
            throw new Crash(where);
        }
    }

    private static String key(BrandId brand, ContactKey contact) {
        return brand.value() + "|" + contact.asText();
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
        Map<String, Choice> choices = preferences.getOrDefault(brand.value() + "|" + email.asText(), Map.of());
        if (choices.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Boolean> lists = new HashMap<>();
        choices.forEach((list, c) -> lists.put(list, c.on()));
        return Optional.of(new Preferences(email, lists, choices.values().stream().map(Choice::at)
                .max(Comparator.naturalOrder()).orElseThrow()));
    }

    @Override
    public synchronized boolean choose(BrandId brand, ContactKey email, Choice choice) {
        Map<String, Choice> choices = preferences.computeIfAbsent(brand.value() + "|" + email.asText(), k -> new HashMap<>());
        Choice stored = choices.get(choice.list());
        if (stored != null && !choice.replaces(stored.at())) {
            return false;
        }
        choices.put(choice.list(), new Choice(choice.list(), choice.on(), Instant.ofEpochMilli(choice.at().toEpochMilli()),
                choice.source()));
        return true;
    }

    @Override
    public synchronized Optional<ReferralClaim> claim(ReferralClaim claim) {
        return Optional.ofNullable(claims.putIfAbsent(claim.brand().value() + "|" + claim.friendEmail(), claim));
    }

    @Override
    public synchronized boolean claim(BrandId brand, String messageId, Instant now) {
        return sent.add(brand.value() + "|" + messageId);
    }

    @Override
    public synchronized void markHanded(BrandId brand, String messageId, Instant at) {
        if (sent.contains(brand.value() + "|" + messageId)) {
            handed.putIfAbsent(brand.value() + "|" + messageId, at);
        }
    }

    @Override
    public synchronized Optional<Instant> handedAt(BrandId brand, String messageId) {
        return Optional.ofNullable(handed.get(brand.value() + "|" + messageId));
    }
}
