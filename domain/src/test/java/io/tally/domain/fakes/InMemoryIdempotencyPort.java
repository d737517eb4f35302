package io.tally.domain.fakes;

import io.tally.domain.card.CardNumber;
import io.tally.domain.ledger.IdempotencyPort;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Idempotency records in memory: claim is put-if-absent, the updates require a claim (attribute_exists). */
public final class InMemoryIdempotencyPort implements IdempotencyPort {
    private final Map<String, IdempotencyRecord> records = new HashMap<>();
    private int failures;
    private int crashes;

    /** The next {@code n} updates of a claimed record fail, as a DynamoDB outage would. */
    public synchronized void failNextUpdates(int n) {
        failures = n;
    }

    /** The process dies at the next {@code n} updates of a claimed record ({@link Crash}). */
    public synchronized void crashNextUpdates(int n) {
        crashes = n;
    }

    /** Every response body stored, as it lies at rest. */
    public synchronized java.util.List<String> storedBodies() {
        return records.values().stream().flatMap(r -> r.responseBody().stream()).toList();
    }

    private void faults() {
        if (crashes > 0) {
            crashes--;
            throw new Crash("updating an idempotency record");
        }
        if (failures > 0) {
            failures--;
            throw new IllegalStateException("idempotency store unavailable (injected)");
        }
    }

    @Override
    public synchronized Claim claim(BrandId brand, String customRequestId, String fingerprint, Instant now) {
        IdempotencyRecord existing = records.putIfAbsent(key(brand, customRequestId),
                new IdempotencyRecord(fingerprint, now, Optional.empty(), Optional.empty()));
        return existing == null ? new Claim.Claimed() : new Claim.Seen(existing);
    }

    @Override
    public synchronized void recordResult(BrandId brand, String customRequestId, CardNumber card, long sequence) {
        faults();
        IdempotencyRecord r = claimed(brand, customRequestId);
        records.put(key(brand, customRequestId), new IdempotencyRecord(r.fingerprint(), r.claimedAt(),
                Optional.of(new ResultRef(card, sequence)), r.responseBody()));
    }

    @Override
    public synchronized void storeResponse(BrandId brand, String customRequestId, String responseBody) {
        faults();
        IdempotencyRecord r = claimed(brand, customRequestId);
        records.put(key(brand, customRequestId), new IdempotencyRecord(r.fingerprint(), r.claimedAt(), r.result(),
                Optional.of(responseBody)));
    }

    /** Forgets a record, as the adapter's TTL eventually does. */
    public synchronized void expire(BrandId brand, String customRequestId) {
        records.remove(key(brand, customRequestId));
    }

    private IdempotencyRecord claimed(BrandId brand, String customRequestId) {
        IdempotencyRecord r = records.get(key(brand, customRequestId));
        if (r == null) {
            throw new IllegalStateException("request id " + customRequestId + " was never claimed");
        }
        return r;
    }

    private static String key(BrandId brand, String id) {
        return brand.value() + "|" + id;
    }
}
