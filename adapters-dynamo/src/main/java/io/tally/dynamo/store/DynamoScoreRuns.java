package io.tally.dynamo.store;

import io.tally.domain.card.CardNumber;
import io.tally.domain.engagement.score.ScoreRun;
import io.tally.domain.engagement.score.ScoreRunsPort;
import io.tally.domain.program.CardSetId;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The scoring job's run over a brand, one item {@code BRAND#b / SCORES#RUN} (A101): day, spend reference, cursor
 * ({@code cardSet}, {@code after}), done, the cards per score so far (only the scores with cards), counters, times
 * and the version; moved on by a whole-item {@code PutItem} conditional on the version read (a few hundred bytes).
 */
final class DynamoScoreRuns implements ScoreRunsPort {
    static final StaticImmutableTableSchema<ScoreRun, ItemValues> SCHEMA =
            ItemSchema.of(ScoreRun.class, DynamoScoreRuns::run)
                    .key("ScoreRun", r -> Keys.brand(r.brand().value()), r -> Keys.SCORE_RUN_SK)
                    .string("brand", r -> r.brand().value())
                    .string("day", r -> r.day().toString())
                    .number("spendReference", ScoreRun::spendReference)
                    .string("cardSet", r -> r.cardSet().map(CardSetId::value).orElse(null))
                    .string("after", r -> r.after().map(CardNumber::value).orElse(null))
                    .bool("done", ScoreRun::done)
                    .numbers("cardsPerScore", r -> ScoreCounts.nonZero(r.cardsPerScore()))
                    .number("scored", ScoreRun::scored)
                    .number("written", ScoreRun::written)
                    .number("pages", ScoreRun::pages)
                    .string("startedAt", r -> r.startedAt().toString())
                    .string("updatedAt", r -> r.updatedAt().toString())
                    .number("version", ScoreRun::version)
                    .build();

    private final Table table;
    private final DynamoDbTable<ScoreRun> items;

    DynamoScoreRuns(Table table) {
        this.table = table;
        this.items = table.of(SCHEMA);
    }

    /** A101: consistent {@code GetItem}. */
    @Override
    public Optional<ScoreRun> find(BrandId brand) {
        return table.get(items, Keys.brand(brand.value()), Keys.SCORE_RUN_SK, true);
    }

    /** A101: {@code PutItem} if {@code attribute_not_exists(PK)} (version 1) or {@code version = :n-1}. */
    @Override
    public boolean save(ScoreRun run) {
        return table.putOverVersion(items, run, run.version());
    }

    private static ScoreRun run(ItemValues v) {
        return new ScoreRun(new BrandId(v.string("brand")), LocalDate.parse(v.string("day")), v.number("spendReference"),
                v.optString("cardSet").map(CardSetId::new), v.optString("after").map(CardNumber::new), v.bool("done"),
                ScoreCounts.perScore(v.map("cardsPerScore")), v.number("scored"), v.number("written"), v.number("pages"), Instant.parse(v.string("startedAt")),
                Instant.parse(v.string("updatedAt")), v.number("version"));
    }
}
