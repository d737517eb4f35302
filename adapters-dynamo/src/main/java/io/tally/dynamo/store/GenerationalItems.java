package io.tally.dynamo.store;

import io.tally.dynamo.store.RollupItems.Header;
import io.tally.dynamo.store.RollupItems.Part;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A value stored as a header naming a generation of parts (the accounting rollups' days and openings, the Explore Data
 * days): each value is a list of encoded cells ({@link RollupItems}), cut into parts. A replacement writes the new
 * generation's parts first, then the header, conditional on the generation it read (the one write that commits the new
 * value: STYLE rule 7), then deletes the parts of every other generation. A crash before the header leaves parts no
 * header names, which readers ignore and the next replacement deletes; a crash after it leaves the old parts, likewise.
 * The generation is a sequence number and a digest of the cells, so two writers of the same value write the same
 * parts, and a replacement by the stored value writes nothing.
 */
final class GenerationalItems {
    /** Replacements of one value that may lose their commit to another writer before this one gives up. */
    private static final int MAX_ATTEMPTS = 5;

    private final Table table;
    private final DynamoDbTable<Header> headers;

    GenerationalItems(Table table) {
        this.table = table;
        this.headers = table.of(RollupItems.HEADER);
    }

    /** Parts first, then the header conditional on the generation read, then the other generations' parts deleted. */
    void replace(String pk, String headerSk, List<String> cells) {
        String digest = RollupItems.digest(cells);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            List<Map<String, AttributeValue>> stored = partition(pk, headerSk, true);
            Optional<String> current = stored.stream().filter(i -> headerSk.equals(Attr.str(i, TallyTable.SK)))
                    .map(i -> Attr.str(i, RollupItems.GENERATION)).findFirst();
            if (current.isPresent() && current.get().endsWith("-" + digest)) {
                deleteParts(pk, stored, headerSk, current.get());
                return;
            }
            long sequence = current.map(g -> Long.parseLong(g.substring(0, g.indexOf('-'))) + 1).orElse(1L);
            String generation = sequence + "-" + digest;
            List<List<String>> parts = RollupItems.parts(cells);
            List<Map<String, AttributeValue>> items = new ArrayList<>(parts.size());
            for (int n = 0; n < parts.size(); n++) {
                items.add(RollupItems.PART.itemToMap(new Part(pk, Keys.rollupPartSk(headerSk, generation, n), parts.get(n)), true));
            }
            table.batchPut(items);
            Header header = new Header(pk, headerSk, generation, (long) parts.size());
            Expression committed = current.isEmpty() ? Table.condition("attribute_not_exists(PK)", Map.of(), Map.of())
                    : Table.condition("#g = :g", Map.of("#g", RollupItems.GENERATION), Map.of(":g", Attr.s(current.get())));
            if (table.putIf(headers, header, committed)) {
                deleteParts(pk, stored, headerSk, generation);
                return;
            }
            // another writer committed first: our parts are now unnamed (the next replacement deletes them); go again
        }
        throw new IllegalStateException("rollup " + pk + " " + headerSk + " lost its commit " + MAX_ATTEMPTS + " times");
    }

    /** The values among {@code items} (headers and parts as read): each header's sort key and its generation's cells. */
    static Map<String, List<String>> values(List<Map<String, AttributeValue>> items) {
        Map<String, Header> found = new TreeMap<>();
        Map<String, List<String>> parts = new HashMap<>();
        for (Map<String, AttributeValue> item : items) {
            if ("RollupHeader".equals(Attr.str(item, "type"))) {
                Header h = RollupItems.HEADER.mapToItem(item);
                found.put(h.sk(), h);
            } else if ("RollupPart".equals(Attr.str(item, "type"))) {
                Part p = RollupItems.PART.mapToItem(item);
                parts.put(p.sk(), p.cells());
            }
        }
        Map<String, List<String>> values = new TreeMap<>();
        found.forEach((sk, h) -> values.put(sk, cells(h, parts)));
        return values;
    }

    /** Deletes the parts of the header's other generations among {@code stored} (old ones, a crashed writer's). */
    private void deleteParts(String pk, List<Map<String, AttributeValue>> stored, String headerSk, String keep) {
        String kept = Keys.rollupPartSk(headerSk, keep, 0);
        String keptPrefix = kept.substring(0, kept.length() - 1);
        List<Map<String, AttributeValue>> garbage = new ArrayList<>();
        for (Map<String, AttributeValue> item : stored) {
            String sk = Attr.str(item, TallyTable.SK);
            if (!sk.equals(headerSk) && !sk.startsWith(keptPrefix)) {
                garbage.add(Attr.key(pk, sk));
            }
        }
        table.batchDelete(garbage);
    }

    private static List<String> cells(Header h, Map<String, List<String>> parts) {
        List<String> cells = new ArrayList<>();
        for (int n = 0; n < h.parts(); n++) {
            List<String> part = parts.get(Keys.rollupPartSk(h.sk(), h.generation(), n));
            if (part == null) {
                throw new IllegalStateException("rollup " + h.pk() + " " + h.sk() + " misses part " + n + " of " + h.generation());
            }
            cells.addAll(part);
        }
        return cells;
    }

    /**
     * Every item of the partition (with {@code prefix}: whose sort key begins with it; {@code keysOnly}: only the sort
     * key and generation), strongly consistent, every page.
     */
    List<Map<String, AttributeValue>> partition(String pk, String prefix, boolean keysOnly) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", Attr.s(pk));
        if (prefix != null) {
            values.put(":p", Attr.s(prefix));
        }
        QueryRequest.Builder request = QueryRequest.builder().tableName(table.name).consistentRead(true)
                .keyConditionExpression(prefix == null ? "PK = :pk" : "PK = :pk AND begins_with(SK, :p)")
                .expressionAttributeValues(values);
        if (keysOnly) {
            request.projectionExpression("SK, #g").expressionAttributeNames(Map.of("#g", RollupItems.GENERATION));
        }
        return all(request);
    }

    /** Every item of the partition whose sort key is in {@code [low, high]}, strongly consistent, every page. */
    List<Map<String, AttributeValue>> between(String pk, String low, String high) {
        return all(QueryRequest.builder().tableName(table.name).consistentRead(true)
                .keyConditionExpression("PK = :pk AND SK BETWEEN :low AND :high")
                .expressionAttributeValues(Map.of(":pk", Attr.s(pk), ":low", Attr.s(low), ":high", Attr.s(high))));
    }

    private List<Map<String, AttributeValue>> all(QueryRequest.Builder request) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = table.client.query(request.exclusiveStartKey(start).build());
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }
}
