package io.tally.dynamo.store;

import io.tally.domain.ledger.IdempotencyPort;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * customRequestIds, one item {@code IDEM#brand#id / IDEM} each ({@link Item}). A fresh claim is one PutItem that
 * succeeds only if no live record exists (absent, or past its {@code expiresAt}: DynamoDB's TTL deletes lazily, so an
 * expired record may still be there and must not count). When it fails, the record is read consistently: a lapsed
 * in-progress record with the same fingerprint is taken over with an UpdateItem conditional on the token read (two
 * retries cannot both take it over), keeping its first claim instant and progress. Progress, completion and release
 * are conditional on the claimant's token. Records expire {@link #RETENTION} after the claim. Every request goes
 * through the enhanced client but the completion (an UpdateItem that also REMOVEs the progress).
 */
final class DynamoIdempotency implements IdempotencyPort {
    static final Duration RETENTION = Duration.ofDays(30);
    private static final int CLAIM_ATTEMPTS = 3;
    private static final String TYPE = "Idempotency";

    /**
     * An idempotency record's attributes as stored, each null when absent: a whole item (the claim, every read) or, for
     * an update that sets only some attributes, the key and those attributes.
     *
     * @param claimedAt  ISO-8601
     * @param leaseUntil epoch milliseconds
     * @param expiresAt  epoch seconds (the table's TTL attribute)
     * @param response   stored as {@code responseBody}
     */
    record Item(String pk, String brand, String requestId, String fingerprint, String status, String token,
                String claimedAt, Long leaseUntil, Long expiresAt, String progress, String response) {
        /** The record; a missing status reads as COMPLETED, a missing token as empty, a missing lease as lapsed. */
        IdempotencyRecord record() {
            return new IdempotencyRecord(fingerprint, status == null ? Status.COMPLETED : Status.valueOf(status),
                    token == null ? "" : token, Instant.parse(claimedAt),
                    Instant.ofEpochMilli(leaseUntil == null ? 0 : leaseUntil), Optional.ofNullable(progress),
                    Optional.ofNullable(response));
        }
    }

    /** The item schemas, built on first use of a table (see {@link Table#lazily}), not when the adapter is made. */
    static final class Schemas {
        static final StaticImmutableTableSchema<Item, ItemValues> SCHEMA = ItemSchema.of(Item.class, DynamoIdempotency::read)
                .key(TYPE, Item::pk, i -> Keys.IDEMPOTENCY_SK)
                .string("brand", Item::brand)
                .string("requestId", Item::requestId)
                .string("fingerprint", Item::fingerprint)
                .string("status", Item::status)
                .string("token", Item::token)
                .string("claimedAt", Item::claimedAt)
                .number("leaseUntil", Item::leaseUntil)
                .number(TallyTable.TTL_ATTRIBUTE, Item::expiresAt)
                .string("progress", Item::progress)
                .string("responseBody", Item::response)
                .build();

        private Schemas() {
        }
    }

    private final Table table;
    private final Supplier<DynamoDbTable<Item>> records;

    DynamoIdempotency(Table table) {
        this.table = table;
        this.records = table.lazily(() -> Schemas.SCHEMA);
    }

    @Override
    public Claim claim(BrandId brand, String customRequestId, String fingerprint, String token, Instant now,
                       Instant leaseUntil) {
        String pk = Keys.idempotency(brand.value(), customRequestId);
        Item item = new Item(pk, brand.value(), customRequestId, fingerprint, Status.IN_PROGRESS.name(), token, now.toString(),
                leaseUntil.toEpochMilli(), now.plus(RETENTION).getEpochSecond(), null, null);
        var noLiveRecord = Table.condition("attribute_not_exists(PK) OR #exp < :now", Map.of("#exp", TallyTable.TTL_ATTRIBUTE),
                Map.of(":now", Attr.n(now.getEpochSecond())));
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            if (table.putIf(records.get(), item, noLiveRecord)) {
                return new Claim.Claimed(Optional.empty());
            }
            Optional<Item> existing = table.get(records.get(), pk, Keys.IDEMPOTENCY_SK, true);
            if (existing.isEmpty()) {
                continue; // deleted (TTL) between the failed put and the read: claim again
            }
            IdempotencyRecord r = existing.get().record();
            Optional<Claim> refused = r.refuses(fingerprint, now);
            if (refused.isPresent()) {
                return refused.get();
            }
            Item takeover = new Item(pk, null, null, null, null, token, null, leaseUntil.toEpochMilli(), null, null, null);
            if (updateIf(takeover, "#status = :inProgress AND #token = :seen", Map.of("#status", "status", "#token", "token"),
                    Map.of(":inProgress", Attr.s(Status.IN_PROGRESS.name()), ":seen", Attr.s(r.token())))) {
                return new Claim.Claimed(Optional.of(r));
            }
            // someone else took it over or completed it between the read and the update: look again
        }
        throw new IllegalStateException("request id " + customRequestId + " could neither be claimed nor read");
    }

    @Override
    public boolean saveProgress(BrandId brand, String customRequestId, String token, String progress) {
        Item partial = new Item(pk(brand, customRequestId), null, null, null, null, null, null, null, null, progress, null);
        return updateIf(partial, "#token = :token AND #status = :inProgress", Map.of("#token", "token", "#status", "status"),
                Map.of(":token", Attr.s(token), ":inProgress", Attr.s(Status.IN_PROGRESS.name())));
    }

    /**
     * COMPLETED with the answer; the progress (which may hold a sealed PIN) is no longer needed and goes. Low-level: an
     * UpdateItem that SETs and REMOVEs in one request, which the enhanced client's item-based update cannot express
     * without rewriting the rest of the record (which this call does not have).
     */
    @Override
    public boolean complete(BrandId brand, String customRequestId, String token, String response) {
        return table.updateIf(Attr.key(pk(brand, customRequestId), Keys.IDEMPOTENCY_SK),
                "SET #status = :completed, responseBody = :r REMOVE progress", "#token = :token",
                Map.of("#token", "token", "#status", "status"), Map.of(":completed", Attr.s(Status.COMPLETED.name()),
                        ":r", Attr.s(response), ":token", Attr.s(token)));
    }

    @Override
    public void release(BrandId brand, String customRequestId, String token) {
        try {
            records.get().deleteItem(r -> r.key(Table.key(pk(brand, customRequestId), Keys.IDEMPOTENCY_SK))
                    .conditionExpression(Table.condition("#token = :token AND #status = :inProgress",
                            Map.of("#token", "token", "#status", "status"),
                            Map.of(":token", Attr.s(token), ":inProgress", Attr.s(Status.IN_PROGRESS.name())))));
        } catch (ConditionalCheckFailedException notOurs) {
            // taken over or completed meanwhile: nothing of ours to give back
        }
    }

    /** Sets the partial item's attributes (and no others) if the condition holds; false when it does not. */
    private boolean updateIf(Item partial, String condition, Map<String, String> names, Map<String, AttributeValue> values) {
        return table.updateIf(records.get(), partial, Table.condition(condition, names, values));
    }

    private static String pk(BrandId brand, String customRequestId) {
        return Keys.idempotency(brand.value(), customRequestId);
    }

    private static Item read(ItemValues v) {
        return new Item(v.string(TallyTable.PK), v.optString("brand").orElse(null), v.optString("requestId").orElse(null),
                v.optString("fingerprint").orElse(null), v.optString("status").orElse(null), v.optString("token").orElse(null),
                v.optString("claimedAt").orElse(null), v.optNumber("leaseUntil").orElse(null),
                v.optNumber(TallyTable.TTL_ATTRIBUTE).orElse(null), v.optString("progress").orElse(null),
                v.optString("responseBody").orElse(null));
    }
}
