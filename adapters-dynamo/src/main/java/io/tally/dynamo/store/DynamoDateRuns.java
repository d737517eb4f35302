package io.tally.dynamo.store;

import io.tally.domain.card.CardNumber;
import io.tally.domain.card.walk.CardWalk;
import io.tally.domain.communication.rule.DateRun;
import io.tally.domain.communication.rule.DateRunsPort;
import io.tally.domain.program.CardSetId;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The date rules' run over a brand, one item {@code BRAND#b#RULES / DATES#RUN} (A139, A140): day, first occasion day,
 * cursor ({@code cardSet}, {@code after}), done, counters, times and the version; moved on by a whole-item
 * {@code PutItem} conditional on the version read (about 200 bytes).
 */
final class DynamoDateRuns implements DateRunsPort {
    static final StaticImmutableTableSchema<DateRun, ItemValues> SCHEMA =
            ItemSchema.of(DateRun.class, DynamoDateRuns::run)
                    .key("DateRun", r -> Keys.rules(r.brand().value()), r -> Keys.DATE_RUN_SK)
                    .string("brand", r -> r.brand().value())
                    .string("day", r -> r.day().toString())
                    .string("from", r -> r.from().toString())
                    .string("cardSet", r -> r.cursor().cardSet().map(CardSetId::value).orElse(null))
                    .string("after", r -> r.cursor().after().map(CardNumber::value).orElse(null))
                    .bool("done", DateRun::done)
                    .number("cards", DateRun::cards)
                    .number("fired", DateRun::fired)
                    .number("pages", DateRun::pages)
                    .string("startedAt", r -> r.startedAt().toString())
                    .string("updatedAt", r -> r.updatedAt().toString())
                    .number("version", DateRun::version)
                    .build();

    private final Table table;
    private final DynamoDbTable<DateRun> items;

    DynamoDateRuns(Table table) {
        this.table = table;
        this.items = table.of(SCHEMA);
    }

    /** A139: consistent {@code GetItem}. */
    @Override
    public Optional<DateRun> find(BrandId brand) {
        return table.get(items, Keys.rules(brand.value()), Keys.DATE_RUN_SK, true);
    }

    /** A140: {@code PutItem} if {@code attribute_not_exists(PK)} (version 1) or {@code version = :n-1}. */
    @Override
    public boolean save(DateRun run) {
        return table.putOverVersion(items, run, run.version());
    }

    private static DateRun run(ItemValues v) {
        return new DateRun(new BrandId(v.string("brand")), LocalDate.parse(v.string("day")),
                LocalDate.parse(v.string("from")), new CardWalk.Cursor(v.optString("cardSet").map(CardSetId::new),
                v.optString("after").map(CardNumber::new)), v.bool("done"), v.number("cards"), v.number("fired"),
                v.number("pages"), Instant.parse(v.string("startedAt")), Instant.parse(v.string("updatedAt")),
                v.number("version"));
    }
}
