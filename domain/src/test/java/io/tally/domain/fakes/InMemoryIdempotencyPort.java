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

    @Override
    public synchronized Claim claim(BrandId brand, String customRequestId, String fingerprint, Instant now) {
        IdempotencyRecord existing = records.putIfAbsent(key(brand, customRequestId),
                new IdempotencyRecord(fingerprint, now, Optional.empty(), Optional.empty()));
        return existing == null ? new Claim.Claimed() : new Claim.Seen(existing);
    }

    @Override
    public synchronized void recordResult(BrandId brand, String customRequestId, CardNumber card, long sequence) {
        IdempotencyRecord r = claimed(brand, customRequestId);
        records.put(key(brand, customRequestId), new IdempotencyRecord(r.fingerprint(), r.claimedAt(),
                Optional.of(new ResultRef(card, sequence)), r.responseBody()));
    }

    @Override
    public synchronized void storeResponse(BrandId brand, String customRequestId, String responseBody) {
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
