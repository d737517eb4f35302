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
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The Explore Data rollups, one partition per brand ({@code EXPLORE#b}). A day is a header ({@code DAY#yyyy-MM-dd})
 * naming a generation of parts, exactly as the accounting rollups' days ({@link GenerationalItems}: parts, then the
 * header's conditional put, then the old parts deleted; A62). Its cells are encoded as {@link RollupItems} encodes
 * theirs, one tab-separated string each: {@code C location program newCards visits transactions issues redemptions
 * liftSales liftRedeemed}, {@code S location orders total itemsMilli}, {@code K location sku quantityMilli}. A period is
 * one strongly consistent query between its first day's header and its last day's last part, every page (A61); the
 * marks ({@code EXPLORE#b / MARKS}) move by a PutItem conditional on their values (A63).
 */
final class DynamoExplore implements ExplorePort {
    private final Table table;
    private final GenerationalItems items;
    private final DynamoDbTable<RollupItems.Marks> marks;

    DynamoExplore(Table table) {
        this.table = table;
        this.items = new GenerationalItems(table);
        this.marks = table.of(RollupItems.MARKS);
    }

    @Override
    public void replaceDay(ExploreDay day) {
        items.replace(Keys.explore(day.brand().value()), Keys.exploreDaySk(day.day().toString()), cells(day));
    }

    @Override
    public List<ExploreDay> days(BrandId brand, LocalDate from, LocalDate to) {
        if (from.plusDays(MAX_DAYS).isBefore(to.plusDays(1))) {
            throw new IllegalArgumentException("more than " + MAX_DAYS + " days");
        }
        List<ExploreDay> days = new ArrayList<>();
        GenerationalItems.values(items.between(Keys.explore(brand.value()), Keys.exploreDaySk(from.toString()),
                Keys.exploreDaySk(to.toString()) + "#~")).forEach((sk, cells) -> days.add(day(brand,
                LocalDate.parse(sk.substring(Keys.exploreDaySk("").length())), cells)));
        return days;
    }

    @Override
    public Optional<ExplorePort.Marks> marks(BrandId brand) {
        return table.get(marks, Keys.explore(brand.value()), Keys.ROLLUP_MARKS_SK, true)
                .map(m -> new ExplorePort.Marks(LocalDate.parse(m.first()), LocalDate.parse(m.through())));
    }

    @Override
    public boolean moveMarks(BrandId brand, Optional<ExplorePort.Marks> expected, ExplorePort.Marks next) {
        RollupItems.Marks item = new RollupItems.Marks(Keys.explore(brand.value()), next.first().toString(), next.through().toString(), null);
        if (expected.isEmpty()) {
            return table.putIfAbsent(marks, item);
        }
        return table.putIf(marks, item, Table.condition("#f = :f AND #t = :t", Map.of("#f", "first", "#t", "through"),
                Map.of(":f", Attr.s(expected.get().first().toString()), ":t", Attr.s(expected.get().through().toString()))));
    }

    static List<String> cells(ExploreDay day) {
        List<String> cells = new ArrayList<>();
        day.cells().forEach((c, e) -> cells.add(RollupItems.join("C", c.location(), c.program(), n(e.newCards()),
                n(e.visits()), n(e.transactions()), n(e.issues()), n(e.redemptions()), n(e.liftSales()),
                n(e.liftRedeemed()))));
        day.sales().forEach((location, s) -> {
            cells.add(RollupItems.join("S", location, n(s.orders()), n(s.total()), n(s.itemsMilli())));
            s.skusMilli().forEach((sku, q) -> cells.add(RollupItems.join("K", location, sku, n(q))));
        });
        return cells;
    }

    static ExploreDay day(BrandId brand, LocalDate day, List<String> encoded) {
        TreeMap<ExploreCell, Engagement> cells = new TreeMap<>();
        Map<String, long[]> sales = new TreeMap<>();
        Map<String, TreeMap<String, Long>> skus = new HashMap<>();
        for (String text : encoded) {
            switch (text.charAt(0)) {
                case 'C' -> {
                    List<String> f = RollupItems.split(text, 10);
                    cells.put(new ExploreCell(f.get(1), f.get(2)), new Engagement(l(f, 3), l(f, 4), l(f, 5), l(f, 6),
                            l(f, 7), l(f, 8), l(f, 9)));
                }
                case 'S' -> {
                    List<String> f = RollupItems.split(text, 5);
                    sales.put(f.get(1), new long[] {l(f, 2), l(f, 3), l(f, 4)});
                }
                case 'K' -> {
                    List<String> f = RollupItems.split(text, 4);
                    skus.computeIfAbsent(f.get(1), x -> new TreeMap<>()).put(f.get(2), l(f, 3));
                }
                default -> throw new IllegalStateException("an Explore cell of no known kind: " + text);
            }
        }
        TreeMap<String, Sales> byLocation = new TreeMap<>();
        sales.forEach((location, s) -> byLocation.put(location, new Sales(s[0], s[1], s[2],
                skus.getOrDefault(location, new TreeMap<>()))));
        return new ExploreDay(brand, day, cells, byLocation);
    }

    private static String n(long v) {
        return Long.toString(v);
    }

    private static long l(List<String> fields, int i) {
        return Long.parseLong(fields.get(i));
    }
}
