package io.tally.dynamo.store;

import io.tally.domain.report.DayRollup;
import io.tally.domain.report.Opening;
import io.tally.domain.report.RollupMarks;
import io.tally.domain.report.RollupPort;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.store.RollupItems.Header;
import io.tally.dynamo.store.RollupItems.Late;
import io.tally.dynamo.store.RollupItems.Marks;
import io.tally.dynamo.store.RollupItems.Part;
import io.tally.dynamo.table.Keys;
import io.tally.dynamo.table.TallyTable;
import java.time.LocalDate;
import java.time.YearMonth;
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
 * The accounting rollups, one partition per brand and month ({@code ROLLUP#b#yyyy-MM}). A day is a header
 * ({@code DAY#dd}: its generation and part count) and the parts of that generation ({@code DAY#dd#G#<gen>#P#<n>},
 * each a list of encoded cells, {@link RollupItems}); an opening alike ({@code OPEN}, {@code OPEN#G#<gen>#P#<n>}).
 *
 * <p>A replacement writes the new generation's parts first, then the header, conditional on the generation it read
 * (the one write that commits the new value: STYLE rule 7), then deletes the parts of every other generation. A crash
 * before the header leaves parts no header names, which readers ignore and the next replacement deletes; a crash after
 * it leaves the old parts, likewise. The generation is a sequence number and a digest of the cells, so two writers of
 * the same value write the same parts, and a replacement by the stored value writes nothing (A52, A53). A month is one
 * strongly consistent query of its partition, every page (A54). The marks ({@code ROLLUP#b / MARKS}) move by a
 * PutItem conditional on the expected values (A55); a late note ({@code ROLLUP#b / LATE#yyyy-MM-dd}) holds its token
 * and is cleared by a DeleteItem conditional on it (A56).
 */
final class DynamoRollups implements RollupPort {
    /** Replacements of one day that may lose their commit to another writer before this one gives up. */
    private static final int MAX_ATTEMPTS = 5;

    private final Table table;
    private final DynamoDbTable<Header> headers;
    private final DynamoDbTable<Marks> marks;
    private final DynamoDbTable<Late> lates;

    DynamoRollups(Table table) {
        this.table = table;
        this.headers = table.of(RollupItems.HEADER);
        this.marks = table.of(RollupItems.MARKS);
        this.lates = table.of(RollupItems.LATE);
    }

    @Override
    public void replaceDay(DayRollup day) {
        replace(monthPk(day.brand(), YearMonth.from(day.day())), Keys.rollupDaySk(day.day().getDayOfMonth()),
                RollupItems.dayCells(day.cells()));
    }

    @Override
    public void replaceOpening(Opening opening) {
        replace(monthPk(opening.brand(), opening.month()), Keys.ROLLUP_OPENING_SK, RollupItems.balances(opening.balances()));
    }

    @Override
    public Month month(BrandId brand, YearMonth month) {
        Map<String, Header> found = new TreeMap<>();
        Map<String, List<String>> parts = new HashMap<>();
        for (Map<String, AttributeValue> item : partition(monthPk(brand, month), null, false)) {
            if ("RollupHeader".equals(Attr.str(item, "type"))) {
                Header h = RollupItems.HEADER.mapToItem(item);
                found.put(h.sk(), h);
            } else {
                Part p = RollupItems.PART.mapToItem(item);
                parts.put(p.sk(), p.cells());
            }
        }
        List<DayRollup> days = new ArrayList<>();
        Optional<Opening> opening = Optional.empty();
        for (Header h : found.values()) {
            List<String> cells = cells(h, parts);
            if (h.sk().equals(Keys.ROLLUP_OPENING_SK)) {
                opening = Optional.of(new Opening(brand, month, RollupItems.balances(cells)));
            } else {
                LocalDate day = month.atDay(Integer.parseInt(h.sk().substring(h.sk().indexOf('#') + 1)));
                days.add(new DayRollup(brand, day, RollupItems.dayCells(cells)));
            }
        }
        return new Month(month, days, opening);
    }

    @Override
    public Optional<RollupMarks> marks(BrandId brand) {
        return table.get(marks, Keys.rollups(brand.value()), Keys.ROLLUP_MARKS_SK, true).map(m -> new RollupMarks(
                LocalDate.parse(m.first()), LocalDate.parse(m.through()),
                Optional.ofNullable(m.staleFrom()).map(YearMonth::parse)));
    }

    @Override
    public boolean moveMarks(BrandId brand, Optional<RollupMarks> expected, RollupMarks next) {
        Marks item = new Marks(Keys.rollups(brand.value()), next.first().toString(), next.through().toString(),
                next.staleFrom().map(YearMonth::toString).orElse(null));
        if (expected.isEmpty()) {
            return table.putIfAbsent(marks, item);
        }
        RollupMarks e = expected.get();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":f", Attr.s(e.first().toString()));
        values.put(":t", Attr.s(e.through().toString()));
        e.staleFrom().ifPresent(s -> values.put(":s", Attr.s(s.toString())));
        String stale = e.staleFrom().isPresent() ? "#s = :s" : "attribute_not_exists(#s)";
        return table.putIf(marks, item, Table.condition("#f = :f AND #t = :t AND " + stale,
                Map.of("#f", "first", "#t", "through", "#s", "staleFrom"), values));
    }

    @Override
    public void noteLate(BrandId brand, LocalDate day, String token) {
        lates.putItem(new Late(Keys.rollups(brand.value()), Keys.ROLLUP_LATE_PREFIX + day, token));
    }

    @Override
    public Map<LocalDate, String> lateDays(BrandId brand) {
        Map<LocalDate, String> days = new TreeMap<>();
        for (Map<String, AttributeValue> item : table.queryPrefix(Keys.rollups(brand.value()), Keys.ROLLUP_LATE_PREFIX, true)) {
            Late late = RollupItems.LATE.mapToItem(item);
            days.put(LocalDate.parse(late.sk().substring(Keys.ROLLUP_LATE_PREFIX.length())), late.token());
        }
        return days;
    }

    @Override
    public boolean clearLate(BrandId brand, LocalDate day, String token) {
        return table.deleteIf(lates, Table.key(Keys.rollups(brand.value()), Keys.ROLLUP_LATE_PREFIX + day),
                Table.condition("#t = :t", Map.of("#t", "token"), Map.of(":t", Attr.s(token))));
    }

    /** Parts first, then the header conditional on the generation read, then the other generations' parts deleted. */
    private void replace(String pk, String headerSk, List<String> cells) {
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
    private List<Map<String, AttributeValue>> partition(String pk, String prefix, boolean keysOnly) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", Attr.s(pk));
        if (prefix != null) {
            values.put(":p", Attr.s(prefix));
        }
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName(table.name).consistentRead(true)
                    .keyConditionExpression(prefix == null ? "PK = :pk" : "PK = :pk AND begins_with(SK, :p)")
                    .expressionAttributeValues(values).exclusiveStartKey(start);
            if (keysOnly) {
                request.projectionExpression("SK, #g").expressionAttributeNames(Map.of("#g", RollupItems.GENERATION));
            }
            QueryResponse page = table.client.query(request.build());
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    private static String monthPk(BrandId brand, YearMonth month) {
        return Keys.rollupMonth(brand.value(), month.toString());
    }
}
