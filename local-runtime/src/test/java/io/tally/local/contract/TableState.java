package io.tally.local.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The whole table as text, item by item, for the fuzz test's "a refused request wrote nothing" check: one Scan (a test
 * on a small local table; no request path scans). What the API writes synchronously is compared; what other writers
 * change on their own time is left out, so that their work between two snapshots is not taken for the request's:
 * the events consumer's activity, statistics, a card's kept events and location links, and due rule sends, the outbox
 * relay's removal of an entry's {@code OUTBOX#} index keys, event campaigns' awards ({@code event-award/...} requests
 * and their entries), the delivery and e-mail records. Attempt counters ({@code COUNTER#}) are left out too: counting a wrong PIN is the
 * point of a refused request's write.
 */
public final class TableState {
    private static final List<String> ASYNC_PK_PREFIXES = List.of("RULEDUE#", "COUNTER#", "EXPLORE#");
    private static final List<String> ASYNC_PK_PARTS = List.of("#ACTIVITY", "#DLVEVT#", "#DLVFIRST#", "#DLVSTATS#",
            "#EMAIL#", "#SCORES", "event-award/");

    /**
     * What the events consumer keeps in a card's partition: its recorded events ({@code EVT#}, A72: a recordEvent is
     * published, and kept by the consumer) and its links to the locations it was used at ({@code LOC#}).
     */
    private static final List<String> ASYNC_CARD_SK_PREFIXES = List.of("EVT#", "LOC#");

    /** A ledger entry's origin naming an event campaign's request ({@code ri}: the entry's customRequestId). */
    private static final String AWARD_ORIGIN = "ri=AttributeValue(S=event-award/";

    private final Map<String, String> items;

    private TableState(Map<String, String> items) {
        this.items = items;
    }

    public static TableState scan(DynamoDbClient dynamo, String table) {
        Map<String, String> items = new TreeMap<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanResponse page = dynamo.scan(ScanRequest.builder().tableName(table).consistentRead(true)
                    .exclusiveStartKey(start).build());
            for (Map<String, AttributeValue> item : page.items()) {
                String pk = item.get("PK").s();
                String sk = item.get("SK").s();
                String text = render(item);
                if (!writtenElsewhere(pk, sk, text)) {
                    items.put(pk + " | " + sk, text);
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return new TableState(items);
    }

    private static boolean writtenElsewhere(String pk, String sk, String item) {
        return ASYNC_PK_PREFIXES.stream().anyMatch(pk::startsWith) || ASYNC_PK_PARTS.stream().anyMatch(pk::contains)
                || sk.startsWith("STATS#") || item.contains(AWARD_ORIGIN)
                || pk.startsWith("CARD#") && ASYNC_CARD_SK_PREFIXES.stream().anyMatch(sk::startsWith);
    }

    private static String render(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> sorted = new TreeMap<>(item);
        AttributeValue gsi1 = sorted.get("GSI1PK");
        if (gsi1 != null && gsi1.s() != null && gsi1.s().startsWith("OUTBOX#")) {
            sorted.remove("GSI1PK");
            sorted.remove("GSI1SK");
        }
        return sorted.toString();
    }

    public int size() {
        return items.size();
    }

    /** What changed from {@code before} to this state, one line per item: added, removed or changed. */
    public List<String> changesSince(TableState before) {
        return changesSince(before, null);
    }

    /**
     * What changed, apart from a new lease on the claim of {@code retakenClaim} (a customRequestId): a ledger method's
     * claim has no lease and a repeat takes it over, with a new token, to be answered from the entry (the documented
     * one write of a repeat, {@code Replays}).
     */
    public List<String> changesSince(TableState before, String retakenClaim) {
        List<String> changes = new ArrayList<>();
        before.items.forEach((key, item) -> {
            String now = items.get(key);
            if (now == null) {
                changes.add("removed " + key);
            } else if (key.startsWith("IDEM#") && key.contains("#" + retakenClaim + " | ")
                    && withoutLease(now).equals(withoutLease(item))) {
                return;
            } else if (!Objects.equals(now, item)) {
                changes.add("changed " + key + ": " + abbreviate(item) + " -> " + abbreviate(now));
            }
        });
        items.forEach((key, item) -> {
            if (!before.items.containsKey(key)) {
                changes.add("added " + key + ": " + abbreviate(item));
            }
        });
        return changes;
    }

    private static String withoutLease(String item) {
        return item.replaceAll("(token|leaseUntil)=AttributeValue\\([SN]=[^)]*\\)", "");
    }

    private static String abbreviate(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "…";
    }
}
