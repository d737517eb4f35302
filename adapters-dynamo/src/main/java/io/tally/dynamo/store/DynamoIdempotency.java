package io.tally.dynamo.store;

import io.tally.domain.ledger.IdempotencyPort;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;

/**
 * customRequestIds, one item {@code IDEM#brand#id / IDEM} each. A fresh claim is one PutItem that succeeds only if no
 * live record exists (absent, or past its {@code expiresAt}: DynamoDB's TTL deletes lazily, so an expired record may
 * still be there and must not count). When it fails, the record is read consistently: a lapsed in-progress record
 * with the same fingerprint is taken over with an UpdateItem conditional on the token read (two retries cannot both
 * take it over), keeping its first claim instant and progress. Progress, completion and release are conditional on
 * the claimant's token. Records expire {@link #RETENTION} after the claim.
 */
final class DynamoIdempotency implements IdempotencyPort {
    static final Duration RETENTION = Duration.ofDays(30);
    private static final int CLAIM_ATTEMPTS = 3;

    private final Table table;

    DynamoIdempotency(Table table) {
        this.table = table;
    }

    @Override
    public Claim claim(BrandId brand, String customRequestId, String fingerprint, String token, Instant now,
                       Instant leaseUntil) {
        String pk = Keys.idempotency(brand.value(), customRequestId);
        var item = Attr.item(pk, Keys.IDEMPOTENCY_SK, "Idempotency");
        item.put("brand", Attr.s(brand.value()));
        item.put("requestId", Attr.s(customRequestId));
        item.put("fingerprint", Attr.s(fingerprint));
        item.put("status", Attr.s(Status.IN_PROGRESS.name()));
        item.put("token", Attr.s(token));
        item.put("claimedAt", Attr.s(now.toString()));
        item.put("leaseUntil", Attr.n(leaseUntil.toEpochMilli()));
        item.put(TallyTable.TTL_ATTRIBUTE, Attr.n(now.plus(RETENTION).getEpochSecond()));
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            if (table.putIf(item, "attribute_not_exists(PK) OR #exp < :now", Map.of("#exp", TallyTable.TTL_ATTRIBUTE),
                    Map.of(":now", Attr.n(now.getEpochSecond())))) {
                return new Claim.Claimed(Optional.empty());
            }
            Optional<Map<String, AttributeValue>> existing = table.get(pk, Keys.IDEMPOTENCY_SK, true);
            if (existing.isEmpty()) {
                continue; // deleted (TTL) between the failed put and the read: claim again
            }
            IdempotencyRecord r = record(existing.get());
            Optional<Claim> refused = r.refuses(fingerprint, now);
            if (refused.isPresent()) {
                return refused.get();
            }
            if (table.updateIf(key(brand, customRequestId), "SET #token = :token, #lease = :lease",
                    "#status = :inProgress AND #token = :seen",
                    Map.of("#status", "status", "#token", "token", "#lease", "leaseUntil"), Map.of(":token", Attr.s(token),
                            ":lease", Attr.n(leaseUntil.toEpochMilli()), ":inProgress", Attr.s(Status.IN_PROGRESS.name()),
                            ":seen", Attr.s(r.token())))) {
                return new Claim.Claimed(Optional.of(r));
            }
            // someone else took it over or completed it between the read and the update: look again
        }
        throw new IllegalStateException("request id " + customRequestId + " could neither be claimed nor read");
    }

    @Override
    public boolean saveProgress(BrandId brand, String customRequestId, String token, String progress) {
        return table.updateIf(key(brand, customRequestId), "SET progress = :p", "#token = :token AND #status = :inProgress",
                Map.of("#token", "token", "#status", "status"), Map.of(":p", Attr.s(progress), ":token", Attr.s(token),
                        ":inProgress", Attr.s(Status.IN_PROGRESS.name())));
    }

    /** COMPLETED with the answer; the progress (which may hold a sealed PIN) is no longer needed and goes. */
    @Override
    public boolean complete(BrandId brand, String customRequestId, String token, String response) {
        return table.updateIf(key(brand, customRequestId), "SET #status = :completed, responseBody = :r REMOVE progress",
                "#token = :token", Map.of("#token", "token", "#status", "status"), Map.of(":completed", Attr.s(Status.COMPLETED.name()), ":r", Attr.s(response),
                        ":token", Attr.s(token)));
    }

    @Override
    public void release(BrandId brand, String customRequestId, String token) {
        try {
            table.client.deleteItem(DeleteItemRequest.builder().tableName(table.name).key(key(brand, customRequestId))
                    .conditionExpression("#token = :token AND #status = :inProgress")
                    .expressionAttributeNames(Map.of("#token", "token", "#status", "status"))
                    .expressionAttributeValues(Map.of(":token", Attr.s(token), ":inProgress", Attr.s(Status.IN_PROGRESS.name())))
                    .build());
        } catch (ConditionalCheckFailedException notOurs) {
            // taken over or completed meanwhile: nothing of ours to give back
        }
    }

    private static Map<String, AttributeValue> key(BrandId brand, String customRequestId) {
        return Attr.key(Keys.idempotency(brand.value(), customRequestId), Keys.IDEMPOTENCY_SK);
    }

    private static IdempotencyRecord record(Map<String, AttributeValue> i) {
        return new IdempotencyRecord(Attr.str(i, "fingerprint"), Status.valueOf(Attr.optStr(i, "status").orElse("COMPLETED")),
                Attr.optStr(i, "token").orElse(""), Instant.parse(Attr.str(i, "claimedAt")),
                Instant.ofEpochMilli(i.containsKey("leaseUntil") ? Attr.num(i, "leaseUntil") : 0),
                Attr.optStr(i, "progress"), Attr.optStr(i, "responseBody"));
    }
}
