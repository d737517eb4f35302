package io.tally.dynamo.store;

import io.tally.domain.report.Engagement;
import io.tally.domain.report.ExploreCell;
import io.tally.domain.report.ExploreDay;
import io.tally.domain.report.ExplorePort;
import io.tally.domain.report.Sales;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The Explore Data rollups in the brand's {@code EXPLORE} partition. A day is a header ({@code DAY#<day>}: its
 * generation) and one part per location ({@code DAY#<day>#G<generation>#L<location>}: the location's cells and sales),
 * so a part stays small whatever the number of locations. Replacing a day writes the parts of the next generation,
 * then the header (conditional on the generation it read), then deletes the older parts; a reader keeps only the parts
 * of the header's generation, so a replacement that dies half-way shows the old day, never a mix. A period is one
 * Query between two days' keys (A61).
 */
final class DynamoExplore implements ExplorePort {
    private static final String PROGRAM = "p:";
    private static final String SKU = "s:";

    private final Table table;

    DynamoExplore(Table table) {
        this.table = table;
    }

    /** A62: read the day (consistent), put its next generation, move the header, delete the old parts. */
    @Override
    public void replaceDay(ExploreDay day) {
        String pk = Keys.explore(day.brand().value());
        String iso = day.day().toString();
        List<Map<String, AttributeValue>> stored = table.queryPrefix(pk, Keys.exploreDaySk(iso), true);
        Optional<Map<String, AttributeValue>> header = stored.stream()
                .filter(i -> Attr.str(i, "SK").equals(Keys.exploreDaySk(iso))).findFirst();
        long generation = header.map(h -> Attr.num(h, "generation")).orElse(0L);
        long next = generation + 1;
        TreeMap<String, Map<String, AttributeValue>> cellsByLocation = new TreeMap<>();
        day.cells().forEach((cell, e) -> cellsByLocation.computeIfAbsent(cell.location(), l -> new HashMap<>())
                .put(PROGRAM + cell.program(), Attr.s(engagement(e))));
        if (!cellsByLocation.keySet().containsAll(day.sales().keySet())) {
            throw new IllegalArgumentException("sales at a location without cells: " + day.sales().keySet());
        }
        List<Map<String, AttributeValue>> parts = new ArrayList<>();
        cellsByLocation.forEach((location, cells) -> {
            Map<String, AttributeValue> part = part(pk, iso, next, location);
            part.put("cells", AttributeValue.fromM(cells));
            Sales sales = day.sales().get(location);
            if (sales != null) {
                part.put("orders", Attr.n(sales.orders()));
                part.put("total", Attr.n(sales.total()));
                part.put("itemsMilli", Attr.n(sales.itemsMilli()));
                Map<String, AttributeValue> skus = new HashMap<>();
                sales.skusMilli().forEach((sku, q) -> skus.put(SKU + sku, Attr.n(q)));
                part.put("skus", AttributeValue.fromM(skus));
            }
            parts.add(part);
        });
        table.batchPut(parts);
        Map<String, AttributeValue> head = Attr.item(pk, Keys.exploreDaySk(iso), "ExploreDay");
        head.put("generation", Attr.n(next));
        try {
            table.client.putItem(PutItemRequest.builder().tableName(table.name).item(head)
                    .conditionExpression(header.isEmpty() ? "attribute_not_exists(PK)" : "generation = :g")
                    .expressionAttributeValues(header.isEmpty() ? null : Map.of(":g", Attr.n(generation))).build());
        } catch (ConditionalCheckFailedException raced) {
            // another run replaced the day at the same moment, with the same figures; its parts stand
            return;
        }
        for (Map<String, AttributeValue> old : stored) {
            if (!old.equals(header.orElse(null))) {
                table.client.deleteItem(DeleteItemRequest.builder().tableName(table.name)
                        .key(Attr.key(pk, Attr.str(old, "SK"))).build());
            }
        }
    }

    /** A61: one Query (following pages) from the first day's header to the last day's last part. */
    @Override
    public List<ExploreDay> days(BrandId brand, LocalDate from, LocalDate to) {
        if (from.plusDays(MAX_DAYS).isBefore(to.plusDays(1))) {
            throw new IllegalArgumentException("more than " + MAX_DAYS + " days");
        }
        String pk = Keys.explore(brand.value());
        Map<String, Long> generations = new TreeMap<>();
        List<Map<String, AttributeValue>> parts = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = table.client.query(QueryRequest.builder().tableName(table.name)
                    .keyConditionExpression("PK = :pk AND SK BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":pk", Attr.s(pk), ":from", Attr.s(Keys.exploreDaySk(from.toString())),
                            ":to", Attr.s(Keys.exploreDaySk(to.toString()) + "#~")))
                    .exclusiveStartKey(start).build());
            for (Map<String, AttributeValue> item : page.items()) {
                if (item.containsKey("generation")) {
                    generations.put(Attr.str(item, "SK"), Attr.num(item, "generation"));
                } else {
                    parts.add(item);
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        TreeMap<LocalDate, TreeMap<ExploreCell, Engagement>> cells = new TreeMap<>();
        TreeMap<LocalDate, TreeMap<String, Sales>> sales = new TreeMap<>();
        generations.forEach((sk, g) -> {
            LocalDate day = LocalDate.parse(sk.substring("DAY#".length()));
            cells.put(day, new TreeMap<>());
            sales.put(day, new TreeMap<>());
        });
        for (Map<String, AttributeValue> part : parts) {
            LocalDate day = LocalDate.parse(Attr.str(part, "day"));
            Long generation = generations.get(Keys.exploreDaySk(day.toString()));
            if (generation == null || generation != Attr.num(part, "generation_of")) {
                continue; // a part of a replacement that did not finish, or of one already superseded
            }
            String location = Attr.str(part, "location");
            part.get("cells").m().forEach((program, v) -> cells.get(day)
                    .put(new ExploreCell(location, program.substring(PROGRAM.length())), engagement(v.s())));
            if (part.containsKey("orders")) {
                TreeMap<String, Long> skus = new TreeMap<>();
                part.get("skus").m().forEach((sku, q) -> skus.put(sku.substring(SKU.length()), Long.parseLong(q.n())));
                sales.get(day).put(location, new Sales(Attr.num(part, "orders"), Attr.num(part, "total"),
                        Attr.num(part, "itemsMilli"), skus));
            }
        }
        List<ExploreDay> days = new ArrayList<>();
        cells.forEach((day, c) -> days.add(new ExploreDay(brand, day, c, sales.get(day))));
        return days;
    }

    @Override
    public Optional<Marks> marks(BrandId brand) {
        Map<String, AttributeValue> item = table.client.getItem(r -> r.tableName(table.name).consistentRead(true)
                .key(Attr.key(Keys.explore(brand.value()), Keys.EXPLORE_MARKS_SK))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Marks(LocalDate.parse(Attr.str(item, "first")), LocalDate.parse(Attr.str(item, "through"))));
    }

    /** A63: one conditional put of the marks item. */
    @Override
    public boolean moveMarks(BrandId brand, Optional<Marks> expected, Marks next) {
        Map<String, AttributeValue> item = Attr.item(Keys.explore(brand.value()), Keys.EXPLORE_MARKS_SK, "ExploreMarks");
        item.put("first", Attr.s(next.first().toString()));
        item.put("through", Attr.s(next.through().toString()));
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(table.name).item(item);
        if (expected.isEmpty()) {
            put.conditionExpression("attribute_not_exists(PK)");
        } else {
            put.conditionExpression("#f = :f AND #t = :t").expressionAttributeNames(Map.of("#f", "first", "#t", "through"))
                    .expressionAttributeValues(Map.of(":f", Attr.s(expected.get().first().toString()),
                            ":t", Attr.s(expected.get().through().toString())));
        }
        try {
            table.client.putItem(put.build());
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    private static Map<String, AttributeValue> part(String pk, String iso, long generation, String location) {
        Map<String, AttributeValue> item = Attr.item(pk, Keys.exploreDayPartSk(iso, generation, location), "ExploreDayPart");
        item.put("day", Attr.s(iso));
        item.put("generation_of", Attr.n(generation));
        item.put("location", Attr.s(location));
        return item;
    }

    private static String engagement(Engagement e) {
        return e.newCards() + "," + e.visits() + "," + e.transactions() + "," + e.issues() + "," + e.redemptions() + ","
                + e.liftSales() + "," + e.liftRedeemed();
    }

    private static Engagement engagement(String text) {
        String[] p = text.split(",");
        return new Engagement(Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2]), Long.parseLong(p[3]),
                Long.parseLong(p[4]), Long.parseLong(p[5]), Long.parseLong(p[6]));
    }
}
