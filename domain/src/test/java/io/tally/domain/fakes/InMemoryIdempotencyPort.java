package io.tally.domain.fakes;

import io.tally.domain.ledger.IdempotencyPort;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Idempotency records in memory, with the adapter's semantics: a claim is a put unless a live record is there (or a
 * lapsed in-progress one with the same fingerprint, which it takes over); the updates hold only for the token that
 * claimed. Records older than {@link #RETENTION} count as absent, as the adapter's TTL makes them. Thread-safe.
 */
public final class InMemoryIdempotencyPort implements IdempotencyPort {
    public static final Duration RETENTION = Duration.ofDays(30);
    private final Map<String, IdempotencyRecord> records = new HashMap<>();
    private int failures;
    private int crashes;

    /** The next {@code n} completions fail, as a DynamoDB outage would. */
    public synchronized void failNextCompletions(int n) {
        failures = n;
    }

    /** The process dies at the next {@code n} completions ({@link Crash}): the answer is never stored. */
    public synchronized void crashNextCompletions(int n) {
        crashes = n;
    }

    /** Every answer stored, as it lies at rest. */
    public synchronized List<String> storedBodies() {
        return records.values().stream().flatMap(r -> r.response().stream()).toList();
    }

    /** Every progress recorded, as it lies at rest. */
    public synchronized List<String> storedProgress() {
        return records.values().stream().flatMap(r -> r.progress().stream()).toList();
    }

    @Override
    public synchronized Claim claim(BrandId brand, String customRequestId, String fingerprint, String token, Instant now,
                                    Instant leaseUntil) {
        String key = key(brand, customRequestId);
        IdempotencyRecord r = records.get(key);
        if (r == null || r.claimedAt().plus(RETENTION).isBefore(now)) {
            records.put(key, new IdempotencyRecord(fingerprint, Status.IN_PROGRESS, token, now, leaseUntil,
                    Optional.empty(), Optional.empty()));
            return new Claim.Claimed(Optional.empty());
        }
        Optional<Claim> refused = r.refuses(fingerprint, now);
        if (refused.isPresent()) {
            return refused.get();
        }
        records.put(key, new IdempotencyRecord(fingerprint, Status.IN_PROGRESS, token, r.claimedAt(), leaseUntil,
                r.progress(), Optional.empty()));
        return new Claim.Claimed(Optional.of(r));
    }

    @Override
    public synchronized boolean saveProgress(BrandId brand, String customRequestId, String token, String progress) {
        IdempotencyRecord r = records.get(key(brand, customRequestId));
        if (r == null || !r.token().equals(token) || r.status() != Status.IN_PROGRESS) {
            return false;
        }
        records.put(key(brand, customRequestId), new IdempotencyRecord(r.fingerprint(), r.status(), token, r.claimedAt(),
                r.leaseUntil(), Optional.of(progress), Optional.empty()));
        return true;
    }

    @Override
    public synchronized boolean complete(BrandId brand, String customRequestId, String token, String response) {
        if (crashes > 0) {
            crashes--;
            throw new Crash("completing idempotency record " + customRequestId);
        }
        if (failures > 0) {
            failures--;
            throw new IllegalStateException("idempotency store unavailable (injected)");
        }
        IdempotencyRecord r = records.get(key(brand, customRequestId));
        if (r == null || !r.token().equals(token)) {
            return false;
        }
        records.put(key(brand, customRequestId), new IdempotencyRecord(r.fingerprint(), Status.COMPLETED, token,
                r.claimedAt(), r.leaseUntil(), Optional.empty(), Optional.of(response)));
        return true;
    }

    @Override
    public synchronized void release(BrandId brand, String customRequestId, String token) {
        IdempotencyRecord r = records.get(key(brand, customRequestId));
        if (r != null && r.token().equals(token) && r.status() == Status.IN_PROGRESS) {
            records.remove(key(brand, customRequestId));
        }
    }

    /** Forgets a record, as the adapter's TTL eventually does. */
    public synchronized void expire(BrandId brand, String customRequestId) {
        records.remove(key(brand, customRequestId));
    }

    private static String key(BrandId brand, String id) {
        return brand.value() + "|" + id;
    }
}
