package io.tally.dynamo.store;

import io.tally.domain.card.CardNumber;
import io.tally.domain.engagement.score.CustomerScore;
import io.tally.domain.engagement.score.CustomerScoresPort;
import io.tally.domain.engagement.score.ScoreBreakdown;
import io.tally.domain.engagement.score.StoredScore;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * Customer scores: a card's score in its partition, {@code CARD#n / STATS#SCORE} (A77), and a brand's breakdown,
 * {@code BRAND#b / SCORES#BREAKDOWN} (A78), each one {@code PutItem} conditional on no later day being stored (the
 * ISO day strings compare as days), read by consistent {@code GetItem}.
 */
final class DynamoCustomerScores implements CustomerScoresPort {
    static final StaticImmutableTableSchema<StoredScore, ItemValues> SCORE =
            ItemSchema.of(StoredScore.class, DynamoCustomerScores::score)
                    .key("CustomerScore", s -> Keys.card(s.card().value()), s -> Keys.CARD_SCORE_SK)
                    .string("brand", s -> s.brand().value())
                    .string("card", s -> s.card().value())
                    .string("asOf", s -> s.asOf().toString())
                    .number("recency", s -> (long) s.score().recency())
                    .number("frequency", s -> (long) s.score().frequency())
                    .number("spend", s -> (long) s.score().spend())
                    .number("engagement", s -> (long) s.score().engagement())
                    .number("total", s -> (long) s.score().total())
                    .build();

    static final StaticImmutableTableSchema<ScoreBreakdown, ItemValues> BREAKDOWN =
            ItemSchema.of(ScoreBreakdown.class, DynamoCustomerScores::breakdown)
                    .key("ScoreBreakdown", b -> Keys.brand(b.brand().value()), b -> Keys.SCORE_BREAKDOWN_SK)
                    .string("brand", b -> b.brand().value())
                    .string("asOf", b -> b.asOf().toString())
                    .numbers("cardsPerScore", b -> ScoreCounts.nonZero(b.cardsPerScore()))
                    .build();

    private final Table table;
    private final DynamoDbTable<StoredScore> scores;
    private final DynamoDbTable<ScoreBreakdown> breakdowns;

    DynamoCustomerScores(Table table) {
        this.table = table;
        this.scores = table.of(SCORE);
        this.breakdowns = table.of(BREAKDOWN);
    }

    /** A77: consistent {@code GetItem}. */
    @Override
    public Optional<StoredScore> score(BrandId brand, CardNumber card) {
        return table.get(scores, Keys.card(card.value()), Keys.CARD_SCORE_SK, true).filter(s -> s.brand().equals(brand));
    }

    /** A77: {@code PutItem} if {@code attribute_not_exists(PK) OR asOf <= :day}. */
    @Override
    public void putScore(StoredScore score) {
        table.putIf(scores, score, notLater(score.asOf()));
    }

    /** A78: consistent {@code GetItem}. */
    @Override
    public Optional<ScoreBreakdown> breakdown(BrandId brand) {
        return table.get(breakdowns, Keys.brand(brand.value()), Keys.SCORE_BREAKDOWN_SK, true);
    }

    /** A78: {@code PutItem} if {@code attribute_not_exists(PK) OR asOf <= :day}. */
    @Override
    public void putBreakdown(ScoreBreakdown breakdown) {
        table.putIf(breakdowns, breakdown, notLater(breakdown.asOf()));
    }

    private static Expression notLater(LocalDate day) {
        return Table.condition("attribute_not_exists(PK) OR #d <= :day", Map.of("#d", "asOf"),
                Map.of(":day", Attr.s(day.toString())));
    }

    private static StoredScore score(ItemValues v) {
        return new StoredScore(new BrandId(v.string("brand")), new CardNumber(v.string("card")),
                LocalDate.parse(v.string("asOf")), new CustomerScore((int) v.number("recency"),
                (int) v.number("frequency"), (int) v.number("spend"), (int) v.number("engagement")));
    }

    private static ScoreBreakdown breakdown(ItemValues v) {
        return new ScoreBreakdown(new BrandId(v.string("brand")), LocalDate.parse(v.string("asOf")),
                ScoreCounts.perScore(v.map("cardsPerScore")));
    }
}
