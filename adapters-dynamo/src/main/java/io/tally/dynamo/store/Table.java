package io.tally.dynamo.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchGetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The operations the adapters need on the one table, each a single request (or a bounded loop of
 * them). Condition failures come back as values, never as AWS exceptions. Items are mapped by the AWS SDK's enhanced
 * client: one {@link DynamoDbTable} per item type ({@link #of}), all on the same table name, each with its
 * {@link ItemSchema}. The low-level operations below the typed ones serve only the requests the enhanced client
 * cannot express (listed in docs/ARCHITECTURE.md, "Requests outside the enhanced client").
 */
final class Table {
    private static final int MAX_BATCH_ROUNDS = 8;
    static final int BATCH_WRITE_LIMIT = 25;

    final DynamoDbClient client;
    final String name;
    private final DynamoDbEnhancedClient enhanced;

    Table(DynamoDbClient client, String name) {
        this.client = Objects.requireNonNull(client, "client");
        this.name = Objects.requireNonNull(name, "name");
        // Only the size check: no item type uses versioned records or atomic counters (the default extensions), and
        // each would run on every request.
        this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).extensions(new ItemSize.Limit()).build();
    }

    /** The table as seen through one item type's schema. */
    <T> DynamoDbTable<T> of(TableSchema<T> schema) {
        return enhanced.table(name, schema);
    }

    /**
     * The same, made on first use: for the adapters a container may never call (the merchant API's graph constructs
     * every adapter its methods use), so that a cold start builds only the schemas its first request needs. The schema
     * must come from a holder class (or another class than the adapter's) so that constructing the adapter does not
     * build it; see docs/PERFORMANCE.md, "The run after lazy schemas".
     */
    <T> Supplier<DynamoDbTable<T>> lazily(Supplier<? extends TableSchema<T>> schema) {
        return new OnFirstUse<>(this, schema);
    }

    /** Two threads that race on the first use each make a table over the same schema: harmless, both are equal. */
    private static final class OnFirstUse<T> implements Supplier<DynamoDbTable<T>> {
        private final Table table;
        private final Supplier<? extends TableSchema<T>> schema;
        private volatile DynamoDbTable<T> made;

        OnFirstUse(Table table, Supplier<? extends TableSchema<T>> schema) {
            this.table = table;
            this.schema = Objects.requireNonNull(schema, "schema");
        }

        @Override
        public DynamoDbTable<T> get() {
            DynamoDbTable<T> t = made;
            if (t == null) {
                t = table.of(schema.get());
                made = t;
            }
            return t;
        }
    }

    static Key key(String pk, String sk) {
        return Key.builder().partitionValue(pk).sortValue(sk).build();
    }

    /** A condition with {@code #name} / {@code :value} placeholders (either map may be empty). */
    static Expression condition(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
        return Expression.builder().expression(expression).expressionNames(names.isEmpty() ? null : names)
                .expressionValues(values.isEmpty() ? null : values).build();
    }

    <T> Optional<T> get(DynamoDbTable<T> items, String pk, String sk, boolean consistent) {
        return Optional.ofNullable(items.getItem(r -> r.key(key(pk, sk)).consistentRead(consistent)));
    }

    /** Put only if no item with this key exists; false when one does. */
    <T> boolean putIfAbsent(DynamoDbTable<T> items, T item) {
        return putIf(items, item, condition("attribute_not_exists(PK)", Map.of(), Map.of()));
    }

    /**
     * Put a whole versioned item only over the version before it: {@code attribute_not_exists(PK)} for version 1, else
     * {@code version = :n-1}; false when another write came first.
     */
    <T> boolean putOverVersion(DynamoDbTable<T> items, T item, long version) {
        if (version == 1) {
            return putIfAbsent(items, item);
        }
        return putIf(items, item, condition("version = :previous", Map.of(),
                Map.of(":previous", AttributeValue.fromN(Long.toString(version - 1)))));
    }

    /** Put only if the condition holds for the item stored under the same key; false when it does not. */
    <T> boolean putIf(DynamoDbTable<T> items, T item, Expression condition) {
        try {
            items.putItem(PutItemEnhancedRequest.builder(items.tableSchema().itemType().rawClass()).item(item)
                    .conditionExpression(condition).build());
            return true;
        } catch (ConditionalCheckFailedException failed) {
            return false;
        }
    }

    /**
     * An enhanced UpdateItem of a partial item: SETs its non-null attributes only, if the condition holds; false when it
     * does not. Nothing is returned.
     */
    <T> boolean updateIf(DynamoDbTable<T> items, T partial, Expression condition) {
        try {
            items.updateItem(r -> r.item(partial).ignoreNulls(true).returnValues(ReturnValue.NONE)
                    .conditionExpression(condition));
            return true;
        } catch (ConditionalCheckFailedException failed) {
            return false;
        }
    }

    /** Unconditional upsert; true if the stored item differs from what was there before. */
    <T> boolean upsert(DynamoDbTable<T> items, T item) {
        T old = items.putItemWithResponse(r -> r.item(item).returnValues(ReturnValue.ALL_OLD)).attributes();
        return !item.equals(old);
    }

    /** The items with these keys (at most 100), strongly consistent, in no particular order; absent ones left out. */
    <T> List<T> batchGet(DynamoDbTable<T> items, List<Key> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        ReadBatch.Builder<T> batch = ReadBatch.builder(items.tableSchema().itemType().rawClass()).mappedTableResource(items);
        keys.forEach(k -> batch.addGetItem(GetItemEnhancedRequest.builder().key(k).consistentRead(true).build()));
        List<T> found = new ArrayList<>(keys.size());
        enhanced.batchGetItem(BatchGetItemEnhancedRequest.builder().readBatches(batch.build()).build())
                .resultsForTable(items).forEach(found::add);
        return found;
    }

    /** One page of a query of the table (or, with {@code index}, of one of its indexes). */
    <T> List<T> query(DynamoDbTable<T> items, String index, QueryEnhancedRequest request) {
        var pages = index == null ? items.query(request) : items.index(index).query(request);
        var it = pages.iterator();
        return it.hasNext() ? it.next().items() : List.of();
    }

    /** UpdateItem only if the condition holds; false when it does not (or the item is missing and the condition needs it). */
    boolean updateIf(Map<String, AttributeValue> key, String update, String condition, Map<String, String> names,
                     Map<String, AttributeValue> values) {
        try {
            client.updateItem(UpdateItemRequest.builder().tableName(name).key(key).updateExpression(update)
                    .conditionExpression(condition).expressionAttributeNames(names.isEmpty() ? null : names)
                    .expressionAttributeValues(values.isEmpty() ? null : values).build());
            return true;
        } catch (ConditionalCheckFailedException failed) {
            return false;
        }
    }

    /** One page of a query (the caller sets Limit and paging); table name filled in. */
    List<Map<String, AttributeValue>> query(QueryRequest.Builder request) {
        return client.query(request.tableName(name).build()).items();
    }

    /** Reads many keys in as few round trips as possible (one, unless DynamoDB throttles part of it). */
    List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        Map<String, KeysAndAttributes> pending = Map.of(name, KeysAndAttributes.builder().keys(keys).build());
        for (int round = 0; round < MAX_BATCH_ROUNDS && !pending.isEmpty(); round++) {
            BatchGetItemResponse response = client.batchGetItem(BatchGetItemRequest.builder().requestItems(pending).build());
            found.addAll(response.responses().getOrDefault(name, List.of()));
            pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            if (!pending.isEmpty()) {
                backoff(round);
            }
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("BatchGetItem left keys unprocessed after " + MAX_BATCH_ROUNDS + " rounds");
        }
        return found;
    }

    /**
     * Unconditional puts of many items, {@value #BATCH_WRITE_LIMIT} per BatchWriteItem (the DynamoDB maximum),
     * retrying the items DynamoDB leaves unprocessed with backoff. Returns the number of requests made.
     */
    int batchPut(List<Map<String, AttributeValue>> items) {
        List<WriteRequest> writes = new ArrayList<>(items.size());
        items.forEach(item -> writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build()));
        return batchWrite(writes);
    }

    /** Unconditional deletes of many keys, as {@link #batchPut}; returns the number of requests made. */
    int batchDelete(List<Map<String, AttributeValue>> keys) {
        List<WriteRequest> writes = new ArrayList<>(keys.size());
        keys.forEach(key -> writes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build()));
        return batchWrite(writes);
    }

    private int batchWrite(List<WriteRequest> writes) {
        int requests = 0;
        for (int from = 0; from < writes.size(); from += BATCH_WRITE_LIMIT) {
            List<WriteRequest> chunk = new ArrayList<>(writes.subList(from, Math.min(writes.size(), from + BATCH_WRITE_LIMIT)));
            Map<String, List<WriteRequest>> pending = Map.of(name, chunk);
            for (int round = 0; !pending.isEmpty(); round++) {
                if (round == MAX_BATCH_ROUNDS) {
                    throw new IllegalStateException("BatchWriteItem left items unprocessed after " + MAX_BATCH_ROUNDS + " rounds");
                }
                if (round > 0) {
                    backoff(round - 1);
                }
                BatchWriteItemResponse response = client.batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build());
                requests++;
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
                pending = pending.values().stream().allMatch(List::isEmpty) ? Map.of() : pending;
            }
        }
        return requests;
    }

    /** DeleteItem only if the condition holds; false when it does not (or nothing is stored under the key). */
    <T> boolean deleteIf(DynamoDbTable<T> items, Key key, Expression condition) {
        try {
            items.deleteItem(DeleteItemEnhancedRequest.builder().key(key).conditionExpression(condition).build());
            return true;
        } catch (ConditionalCheckFailedException failed) {
            return false;
        }
    }

    /** All items of a partition whose sort key begins with the prefix, following pages. */
    List<Map<String, AttributeValue>> queryPrefix(String pk, String skPrefix) {
        return queryPrefix(pk, skPrefix, false);
    }

    /** As {@link #queryPrefix(String, String)}, strongly consistent if asked. */
    List<Map<String, AttributeValue>> queryPrefix(String pk, String skPrefix, boolean consistent) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = client.query(QueryRequest.builder().tableName(name)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", Attr.s(pk), ":prefix", Attr.s(skPrefix)))
                    .consistentRead(consistent).exclusiveStartKey(start).build());
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    /** Counts the items of an index partition, following pages. */
    long countIndex(String index, String pkAttribute, String pk) {
        long count = 0;
        Map<String, AttributeValue> start = null;
        Map<String, String> names = new HashMap<>();
        names.put("#pk", pkAttribute);
        do {
            QueryResponse page = client.query(QueryRequest.builder().tableName(name).indexName(index)
                    .keyConditionExpression("#pk = :pk").expressionAttributeNames(names)
                    .expressionAttributeValues(Map.of(":pk", Attr.s(pk))).select(Select.COUNT)
                    .exclusiveStartKey(start).build());
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    private static void backoff(int round) {
        try {
            Thread.sleep(Math.min(200, 10L << round));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
