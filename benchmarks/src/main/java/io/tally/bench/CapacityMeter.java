package io.tally.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SqsRequest;

/**
 * Figure 7's meter: the DynamoDB capacity and SQS requests one thread's calls consume, measured without touching the
 * code under test. Like {@link RoundTrips} it is a global SDK interceptor of this module only, and it does nothing
 * until a thread {@linkplain #start starts} a meter, so figures 1-6 run exactly as before.
 *
 * <p>While a meter runs, every DynamoDB request that has a {@code ReturnConsumedCapacity} member gets
 * {@code INDEXES} ({@code modifyRequest}), and the {@code ConsumedCapacity} of every response is summed, table and
 * each index apart. dynalite (4.0.0) returns it for reads, index queries included, but for writes only the table's
 * units: it keeps no index write accounting. So for every {@code PutItem}, {@code UpdateItem}, {@code DeleteItem}
 * and {@code BatchWriteItem} the meter reads the item before and after (consistent {@code GetItem}s on its own
 * client, not counted anywhere) and applies DynamoDB's documented rules for global and local secondary index writes
 * (developer guide, "Provisioned throughput considerations for global secondary indexes", section "Writes"):
 * an item entering an index is one write of its projection, leaving it one write of the old projection, an index key
 * change two (delete and put), a change of projected attributes only one, an item in no index nothing; each write
 * {@code ceil(projected size / 1 KB)} units. The table's own units it also computes from the same images
 * ({@code ceil(max(old, new) / 1 KB)}) and counts any disagreement with dynalite's, which checks its item-size rule.
 * A conditional write that fails is charged like DynamoDB does: the existing item's size (at least 1 unit), no index
 * write; dynalite returns no capacity with the error.
 *
 * <p>SQS: each request is one request, and each 64 KB chunk of a send's payload (bodies and message attributes)
 * one more, as SQS bills them.
 */
public final class CapacityMeter implements ExecutionInterceptor {
    private static final ThreadLocal<Meter> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> SIDE_CALL = ThreadLocal.withInitial(() -> false);
    private static final ExecutionAttribute<List<Write>> WRITES = new ExecutionAttribute<>("tally.bench.capacity.writes");
    private static final Map<String, TableShape> SHAPES = new ConcurrentHashMap<>();
    private static final int SQS_CHUNK_BYTES = 64 * 1024;

    /** Starts metering this thread's SDK calls; {@code client} reads item images for the index rules. */
    public static Meter start(DynamoDbClient client) {
        Meter m = new Meter(client);
        CURRENT.set(m);
        return m;
    }

    /** Stops metering this thread and returns what it measured since {@link #start}. */
    public static Meter stop() {
        Meter m = CURRENT.get();
        CURRENT.remove();
        return m;
    }

    /** True during the meter's own reads, which no figure should count ({@link RoundTrips} skips them). */
    public static boolean inSideCall() {
        return SIDE_CALL.get();
    }

    /** What one thread consumed between {@link #start} and {@link #stop}: request units, table and each index apart. */
    public static final class Meter {
        private final DynamoDbClient client;
        private final Map<String, Double> reads = new TreeMap<>();
        private final Map<String, Double> writes = new TreeMap<>();
        private final Map<String, Integer> calls = new TreeMap<>();
        private int sqsRequests;
        private int sqsBilled;
        private long sqsBytes;
        private int conditionFailures;
        private int tableUnitDisagreements;
        private boolean indexWritesComputed;

        private Meter(DynamoDbClient client) {
            this.client = client;
        }

        /** Read request units by where they were consumed: "table" or an index name. */
        public Map<String, Double> reads() {
            return reads;
        }

        /** Write request units by where they were consumed: "table" or an index name. */
        public Map<String, Double> writes() {
            return writes;
        }

        public double readUnits() {
            return reads.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        public double writeUnits() {
            return writes.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** SQS requests as billed: one per call, one more per further 64 KB chunk of a send's payload. */
        public int sqsBilledRequests() {
            return sqsBilled;
        }

        public int sqsRequests() {
            return sqsRequests;
        }

        public long sqsPayloadBytes() {
            return sqsBytes;
        }

        public int conditionFailures() {
            return conditionFailures;
        }

        /** Writes whose table units, computed here from the item images, differ from what dynalite returned. */
        public int tableUnitDisagreements() {
            return tableUnitDisagreements;
        }

        /** True when index write units were computed from item images because the server returned none. */
        public boolean indexWritesComputed() {
            return indexWritesComputed;
        }

        /** e.g. {@code BatchGetItem+GetItem+PutItem+Query+SendMessageBatch+UpdateItem}. */
        public String describeCalls() {
            StringBuilder s = new StringBuilder();
            calls.forEach((op, n) -> s.append(s.length() == 0 ? "" : "+").append(n > 1 ? n + "x" : "").append(op));
            return s.length() == 0 ? "-" : s.toString();
        }

        private void add(Map<String, Double> to, String where, double units) {
            to.merge(where, units, Double::sum);
        }
    }

    // ---- the interceptor ---------------------------------------------------------------------

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        Meter m = CURRENT.get();
        SdkRequest request = context.request();
        if (m == null || SIDE_CALL.get() || !(request instanceof DynamoDbRequest)) {
            return request;
        }
        List<Write> writes = writesOf(m, request);
        if (!writes.isEmpty()) {
            attributes.putAttribute(WRITES, writes);
        }
        for (SdkField<?> field : request.sdkFields()) {
            if (field.memberName().equals("ReturnConsumedCapacity")) {
                SdkRequest.Builder builder = request.toBuilder();
                field.set(builder, "INDEXES");
                return builder.build();
            }
        }
        return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Meter m = CURRENT.get();
        if (m == null || SIDE_CALL.get()) {
            return;
        }
        m.calls.merge(String.valueOf(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)), 1, Integer::sum);
        if (context.request() instanceof SqsRequest sqs) {
            long bytes = sqsPayload(sqs);
            m.sqsRequests++;
            m.sqsBytes += bytes;
            m.sqsBilled += (int) Math.max(1, (bytes + SQS_CHUNK_BYTES - 1) / SQS_CHUNK_BYTES);
            return;
        }
        if (!(context.response() instanceof DynamoDbResponse response)) {
            return;
        }
        boolean write = isWrite(String.valueOf(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)));
        Map<String, Double> to = write ? m.writes : m.reads;
        double tableUnits = 0;
        for (ConsumedCapacity c : consumed(response)) {
            double table = c.table() != null && c.table().capacityUnits() != null ? c.table().capacityUnits()
                    : c.globalSecondaryIndexes() == null && c.localSecondaryIndexes() == null
                    ? Objects.requireNonNullElse(c.capacityUnits(), 0.0) : 0.0;
            tableUnits += table;
            m.add(to, "table", table);
            indexUnits(m, to, c.globalSecondaryIndexes());
            indexUnits(m, to, c.localSecondaryIndexes());
        }
        List<Write> writes = attributes.getAttribute(WRITES);
        if (writes != null) {
            double computedTable = 0;
            // DynamoDB returns the index units of a write; dynalite does not, so they are computed here
            boolean serverCountsIndexes = consumed(response).stream()
                    .anyMatch(c -> c.hasGlobalSecondaryIndexes() || c.hasLocalSecondaryIndexes());
            for (Write w : writes) {
                Map<String, AttributeValue> after = side(() -> w.shape.get(m.client, w.key));
                computedTable += units(Math.max(size(w.before), size(after)), 1024);
                if (!serverCountsIndexes) {
                    m.indexWritesComputed = true;
                    for (Index index : w.shape.indexes) {
                        m.add(m.writes, index.name, index.writeUnits(w.before, after));
                    }
                }
            }
            if (computedTable != tableUnits) {
                m.tableUnitDisagreements++;
            }
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Meter m = CURRENT.get();
        if (m == null || SIDE_CALL.get()) {
            return;
        }
        m.calls.merge(String.valueOf(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)), 1, Integer::sum);
        List<Write> writes = attributes.getAttribute(WRITES);
        if (writes != null && context.exception().getClass().getSimpleName().equals("ConditionalCheckFailedException")) {
            m.conditionFailures++;
            for (Write w : writes) {
                m.add(m.writes, "table", units(size(w.before), 1024));
            }
        }
    }

    private static void indexUnits(Meter m, Map<String, Double> to, Map<String, Capacity> indexes) {
        if (indexes != null) {
            indexes.forEach((name, c) -> m.add(to, name, Objects.requireNonNullElse(c.capacityUnits(), 0.0)));
        }
    }

    private static boolean isWrite(String operation) {
        return switch (operation) {
            case "PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem" -> true; // the writes Tally makes
            default -> false;
        };
    }

    /** The response's {@code ConsumedCapacity}: one, a list of them (batch and transact calls) or none. */
    private static List<ConsumedCapacity> consumed(SdkResponse response) {
        List<ConsumedCapacity> all = new ArrayList<>();
        for (SdkField<?> field : response.sdkFields()) {
            if (field.memberName().equals("ConsumedCapacity")) {
                Object v = field.getValueOrDefault(response);
                if (v instanceof ConsumedCapacity c) {
                    all.add(c);
                } else if (v instanceof List<?> list) {
                    list.stream().filter(ConsumedCapacity.class::isInstance).map(ConsumedCapacity.class::cast).forEach(all::add);
                }
            }
        }
        return all;
    }

    // ---- item images and the index rules ---------------------------------------------------------

    /** One item a write request touches, with its image before the write. */
    private record Write(TableShape shape, Map<String, AttributeValue> key, Map<String, AttributeValue> before) {
    }

    private static List<Write> writesOf(Meter m, SdkRequest request) {
        List<Write> writes = new ArrayList<>();
        if (request instanceof PutItemRequest r) {
            writes.add(write(m, r.tableName(), r.item()));
        } else if (request instanceof UpdateItemRequest r) {
            writes.add(write(m, r.tableName(), r.key()));
        } else if (request instanceof DeleteItemRequest r) {
            writes.add(write(m, r.tableName(), r.key()));
        } else if (request instanceof BatchWriteItemRequest r) {
            for (Map.Entry<String, List<WriteRequest>> e : r.requestItems().entrySet()) {
                for (WriteRequest w : e.getValue()) {
                    writes.add(write(m, e.getKey(), w.putRequest() != null ? w.putRequest().item() : w.deleteRequest().key()));
                }
            }
        }
        return writes;
    }

    private static Write write(Meter m, String table, Map<String, AttributeValue> itemOrKey) {
        TableShape shape = SHAPES.computeIfAbsent(table, t -> side(() -> TableShape.describe(m.client, t)));
        Map<String, AttributeValue> key = shape.keyOf(itemOrKey);
        return new Write(shape, key, side(() -> shape.get(m.client, key)));
    }

    private static <T> T side(java.util.function.Supplier<T> call) {
        boolean was = SIDE_CALL.get();
        SIDE_CALL.set(true);
        try {
            return call.get();
        } finally {
            SIDE_CALL.set(was);
        }
    }

    /** A table's key attributes and indexes, from DescribeTable. */
    private record TableShape(String name, List<String> keys, List<Index> indexes) {
        static TableShape describe(DynamoDbClient client, String table) {
            TableDescription d = client.describeTable(r -> r.tableName(table)).table();
            List<String> keys = d.keySchema().stream().map(KeySchemaElement::attributeName).toList();
            List<Index> indexes = new ArrayList<>();
            for (GlobalSecondaryIndexDescription g : d.globalSecondaryIndexes()) {
                indexes.add(Index.of(g.indexName(), g.keySchema(), g.projection(), keys));
            }
            for (LocalSecondaryIndexDescription l : d.localSecondaryIndexes()) {
                indexes.add(Index.of(l.indexName(), l.keySchema(), l.projection(), keys));
            }
            return new TableShape(table, keys, List.copyOf(indexes));
        }

        Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
            Map<String, AttributeValue> key = new HashMap<>();
            for (String k : keys) {
                key.put(k, item.get(k));
            }
            return key;
        }

        Map<String, AttributeValue> get(DynamoDbClient client, Map<String, AttributeValue> key) {
            var r = client.getItem(g -> g.tableName(name).key(key).consistentRead(true));
            return r.hasItem() && !r.item().isEmpty() ? r.item() : null;
        }
    }

    /** A secondary index: its key attributes and what it projects. */
    record Index(String name, List<String> keys, List<String> tableKeys, ProjectionType projection, List<String> included) {
        static Index of(String name, List<KeySchemaElement> schema, Projection projection, List<String> tableKeys) {
            List<String> keys = schema.stream().sorted((a, b) -> a.keyType() == KeyType.HASH ? -1 : b.keyType() == KeyType.HASH ? 1 : 0)
                    .map(KeySchemaElement::attributeName).toList();
            return new Index(name, keys, tableKeys, projection.projectionType(),
                    projection.hasNonKeyAttributes() ? projection.nonKeyAttributes() : List.of());
        }

        /** DynamoDB's index write units for an item going from {@code before} to {@code after} (null: absent). */
        double writeUnits(Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
            boolean was = in(before);
            boolean is = in(after);
            if (!was && !is) {
                return 0;
            }
            if (!was) {
                return units(size(projected(after)), 1024);
            }
            if (!is) {
                return units(size(projected(before)), 1024);
            }
            Map<String, AttributeValue> old = projected(before);
            Map<String, AttributeValue> now = projected(after);
            boolean keyChanged = keys.stream().anyMatch(k -> !before.get(k).equals(after.get(k)));
            if (keyChanged) {
                return units(size(old), 1024) + units(size(now), 1024);
            }
            return old.equals(now) ? 0 : units(Math.max(size(old), size(now)), 1024);
        }

        private boolean in(Map<String, AttributeValue> item) {
            return item != null && keys.stream().allMatch(item::containsKey);
        }

        Map<String, AttributeValue> projected(Map<String, AttributeValue> item) {
            if (projection == ProjectionType.ALL) {
                return item;
            }
            Map<String, AttributeValue> p = new HashMap<>();
            for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
                if (keys.contains(e.getKey()) || tableKeys.contains(e.getKey()) || included.contains(e.getKey())) {
                    p.put(e.getKey(), e.getValue());
                }
            }
            return p;
        }
    }

    static double units(long bytes, int unit) {
        return Math.max(1, (bytes + unit - 1) / unit);
    }

    // ---- sizes -----------------------------------------------------------------------------------

    /**
     * DynamoDB's item size (developer guide, "Item sizes and formats"): names and strings in UTF-8 bytes, binaries
     * in bytes, numbers about one byte per two significant digits plus one, booleans and nulls one byte, lists and
     * maps three bytes plus one per element, sets the sum of their elements. 0 for no item.
     */
    static long size(Map<String, AttributeValue> item) {
        if (item == null) {
            return 0;
        }
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += utf8(e.getKey()) + size(e.getValue());
        }
        return size;
    }

    static long size(AttributeValue v) {
        if (v.s() != null) {
            return utf8(v.s());
        }
        if (v.n() != null) {
            return number(v.n());
        }
        if (v.b() != null) {
            return v.b().asByteArray().length;
        }
        if (v.bool() != null || Boolean.TRUE.equals(v.nul())) {
            return 1;
        }
        if (v.hasSs()) {
            return v.ss().stream().mapToLong(CapacityMeter::utf8).sum();
        }
        if (v.hasNs()) {
            return v.ns().stream().mapToLong(CapacityMeter::number).sum();
        }
        if (v.hasBs()) {
            return v.bs().stream().mapToLong(b -> b.asByteArray().length).sum();
        }
        if (v.hasM()) {
            long size = 3;
            for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
                size += 1 + utf8(e.getKey()) + size(e.getValue());
            }
            return size;
        }
        if (v.hasL()) {
            long size = 3;
            for (AttributeValue x : v.l()) {
                size += 1 + size(x);
            }
            return size;
        }
        return 0;
    }

    private static long number(String n) {
        String digits = n.replaceFirst("^[-+]?", "").replaceFirst("[eE].*$", "").replace(".", "").replaceFirst("^0+", "")
                .replaceFirst("0+$", "");
        return (digits.length() + 1) / 2 + 1;
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The bytes SQS bills a request by: message bodies and attributes (names, types and values). */
    private static long sqsPayload(SqsRequest request) {
        if (request instanceof SendMessageBatchRequest batch) {
            long bytes = 0;
            for (SendMessageBatchRequestEntry e : batch.entries()) {
                bytes += utf8(Objects.requireNonNullElse(e.messageBody(), "")) + attributes(e.messageAttributes());
            }
            return bytes;
        }
        if (request instanceof SendMessageRequest send) {
            return utf8(Objects.requireNonNullElse(send.messageBody(), "")) + attributes(send.messageAttributes());
        }
        return 0;
    }

    private static long attributes(Map<String, MessageAttributeValue> attributes) {
        long bytes = 0;
        for (Map.Entry<String, MessageAttributeValue> a : attributes.entrySet()) {
            MessageAttributeValue v = a.getValue();
            bytes += utf8(a.getKey()) + utf8(Objects.requireNonNullElse(v.dataType(), ""))
                    + (v.stringValue() != null ? utf8(v.stringValue()) : 0)
                    + (v.binaryValue() != null ? v.binaryValue().asByteArray().length : 0);
        }
        return bytes;
    }
}
