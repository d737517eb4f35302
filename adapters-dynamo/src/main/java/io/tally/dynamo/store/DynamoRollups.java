package io.tally.dynamo.store;

import io.tally.domain.report.DayRollup;
import io.tally.domain.report.MonthTotal;
import io.tally.domain.report.Opening;
import io.tally.domain.report.RollupMarks;
import io.tally.domain.report.RollupPort;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.store.RollupItems.Late;
import io.tally.dynamo.store.RollupItems.Marks;
import io.tally.dynamo.table.Keys;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The accounting rollups, one partition per brand and month ({@code ROLLUP#b#yyyy-MM}). A day is a header
 * ({@code DAY#dd}: its generation and part count) and the parts of that generation ({@code DAY#dd#G#<gen>#P#<n>},
 * each a list of encoded cells, {@link RollupItems}); an opening alike ({@code OPEN}, {@code OPEN#G#<gen>#P#<n>}).
 *
 * <p>A replacement goes through {@link GenerationalItems}: the new generation's parts, then the header's put
 * conditional on the generation read, then the other generations' parts deleted (A52, A53). A month is one
 * strongly consistent query of its partition, every page (A54). The marks ({@code ROLLUP#b / MARKS}) move by a
 * PutItem conditional on the expected values (A55); a late note ({@code ROLLUP#b / LATE#yyyy-MM-dd}) holds its token
 * and is cleared by a DeleteItem conditional on it (A56).
 */
final class DynamoRollups implements RollupPort {
    private final Table table;
    private final GenerationalItems items;
    private final DynamoDbTable<Marks> marks;
    private final DynamoDbTable<Late> lates;

    DynamoRollups(Table table) {
        this.table = table;
        this.items = new GenerationalItems(table);
        this.marks = table.of(RollupItems.MARKS);
        this.lates = table.of(RollupItems.LATE);
    }

    @Override
    public void replaceDay(DayRollup day) {
        items.replace(monthPk(day.brand(), YearMonth.from(day.day())), Keys.rollupDaySk(day.day().getDayOfMonth()),
                RollupItems.dayCells(day.cells()));
    }

    @Override
    public void replaceOpening(Opening opening) {
        items.replace(monthPk(opening.brand(), opening.month()), Keys.ROLLUP_OPENING_SK, RollupItems.balances(opening.balances()));
    }

    @Override
    public void replaceTotal(MonthTotal total) {
        items.replace(monthPk(total.brand(), total.month()), Keys.ROLLUP_TOTAL_SK, RollupItems.dayCells(total.cells()));
    }

    /** The opening's header and parts alone: one query of the sort keys beginning {@code OPEN} (A58). */
    @Override
    public Optional<Opening> opening(BrandId brand, YearMonth month) {
        return Optional.ofNullable(GenerationalItems.values(items.partition(monthPk(brand, month), Keys.ROLLUP_OPENING_SK,
                false)).get(Keys.ROLLUP_OPENING_SK)).map(cells -> new Opening(brand, month, RollupItems.balances(cells)));
    }

    /** The total's header and parts alone: one query of the sort keys beginning {@code TOTAL} (A58). */
    @Override
    public Optional<MonthTotal> total(BrandId brand, YearMonth month) {
        return Optional.ofNullable(GenerationalItems.values(items.partition(monthPk(brand, month), Keys.ROLLUP_TOTAL_SK,
                false)).get(Keys.ROLLUP_TOTAL_SK)).map(cells -> new MonthTotal(brand, month, RollupItems.dayCells(cells)));
    }

    /** The days and the opening: the partition's sort keys from {@code DAY#} to {@code OPEN…}, not the total (A54). */
    @Override
    public Month month(BrandId brand, YearMonth month) {
        List<DayRollup> days = new ArrayList<>();
        Optional<Opening> opening = Optional.empty();
        for (Map.Entry<String, List<String>> v : GenerationalItems.values(items.between(monthPk(brand, month),
                "DAY#", Keys.ROLLUP_OPENING_SK + "~"))
                .entrySet()) {
            String sk = v.getKey();
            if (sk.equals(Keys.ROLLUP_OPENING_SK)) {
                opening = Optional.of(new Opening(brand, month, RollupItems.balances(v.getValue())));
            } else {
                LocalDate day = month.atDay(Integer.parseInt(sk.substring(sk.indexOf('#') + 1)));
                days.add(new DayRollup(brand, day, RollupItems.dayCells(v.getValue())));
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

    private static String monthPk(BrandId brand, YearMonth month) {
        return Keys.rollupMonth(brand.value(), month.toString());
    }
}
