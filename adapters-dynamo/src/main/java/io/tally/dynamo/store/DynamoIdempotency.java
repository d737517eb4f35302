package io.tally.dynamo.store;

import io.tally.domain.card.CardNumber;
import io.tally.domain.ledger.IdempotencyPort;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * customRequestIds, one item {@code IDEM#brand#id / IDEM} each. A claim is one PutItem that succeeds only if no
 * live record exists (absent, or past its {@code expiresAt}: DynamoDB's TTL deletes lazily, so an expired record
 * may still be there and must not count); otherwise the record is read consistently and returned as Seen. The
 * result and response are UpdateItems on the claimed record. Records expire {@link #RETENTION} after the claim.
 */
final class DynamoIdempotency implements IdempotencyPort {
    static final Duration RETENTION = Duration.ofDays(30);
    private static final int CLAIM_ATTEMPTS = 3;

    private final Table table;

    DynamoIdempotency(Table table) {
        this.table = table;
    }

    @Override
    public Claim claim(BrandId brand, String customRequestId, String fingerprint, Instant now) {
        String pk = Keys.idempotency(brand.value(), customRequestId);
        var item = Attr.item(pk, Keys.IDEMPOTENCY_SK, "Idempotency");
        item.put("brand", Attr.s(brand.value()));
        item.put("requestId", Attr.s(customRequestId));
        item.put("fingerprint", Attr.s(fingerprint));
        item.put("claimedAt", Attr.s(now.toString()));
        item.put(TallyTable.TTL_ATTRIBUTE, Attr.n(now.plus(RETENTION).getEpochSecond()));
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            if (table.putIf(item, "attribute_not_exists(PK) OR #exp < :now", Map.of("#exp", TallyTable.TTL_ATTRIBUTE),
                    Map.of(":now", Attr.n(now.getEpochSecond())))) {
                return new Claim.Claimed();
            }
            Optional<Map<String, AttributeValue>> existing = table.get(pk, Keys.IDEMPOTENCY_SK, true);
            if (existing.isPresent()) {
                return new Claim.Seen(record(existing.get()));
            }
            // deleted (TTL) between the failed put and the read: claim again
        }
        throw new IllegalStateException("request id " + customRequestId + " could neither be claimed nor read");
    }

    @Override
    public void recordResult(BrandId brand, String customRequestId, CardNumber card, long sequence) {
        update(brand, customRequestId, "SET resultCard = :card, resultSequence = :seq",
                Map.of(":card", Attr.s(card.value()), ":seq", Attr.n(sequence)));
    }

    @Override
    public void storeResponse(BrandId brand, String customRequestId, String responseBody) {
        update(brand, customRequestId, "SET responseBody = :body", Map.of(":body", Attr.s(responseBody)));
    }

    private void update(BrandId brand, String customRequestId, String update, Map<String, AttributeValue> values) {
        if (!table.updateIf(Attr.key(Keys.idempotency(brand.value(), customRequestId), Keys.IDEMPOTENCY_SK), update,
                "attribute_exists(PK)", Map.of(), values)) {
            throw new IllegalStateException("request id " + customRequestId + " was never claimed");
        }
    }

    private static IdempotencyRecord record(Map<String, AttributeValue> i) {
        Optional<ResultRef> result = Attr.optStr(i, "resultCard")
                .map(card -> new ResultRef(new CardNumber(card), Attr.num(i, "resultSequence")));
        return new IdempotencyRecord(Attr.str(i, "fingerprint"), Instant.parse(Attr.str(i, "claimedAt")), result,
                Attr.optStr(i, "responseBody"));
    }
}
