package io.tally.dynamo.store;

import io.tally.domain.engagement.score.ScoreRanges;
import io.tally.domain.engagement.score.ScoreSettings;
import io.tally.domain.engagement.score.ScoreSettingsPort;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A brand's customer score settings, one item {@code BRAND#b / SCORES#SETTINGS} (A100): the ranges as a list of
 * {@code "<from>-<to> <name>"} strings in order, the spend reference (ten-thousandths) and the version; written by a
 * {@code PutItem} conditional on the version read, read by consistent {@code GetItem}.
 */
final class DynamoScoreSettings implements ScoreSettingsPort {
    static final StaticImmutableTableSchema<ScoreSettings, ItemValues> SCHEMA =
            ItemSchema.of(ScoreSettings.class, DynamoScoreSettings::settings)
                    .key("ScoreSettings", s -> Keys.brand(s.brand().value()), s -> Keys.SCORE_SETTINGS_SK)
                    .string("brand", s -> s.brand().value())
                    .stringList("ranges", s -> s.ranges().ranges().stream().map(r -> r.label() + " " + r.name()).toList())
                    .number("spendReference", ScoreSettings::spendReference)
                    .number("version", ScoreSettings::version)
                    .build();

    private final Table table;
    private final DynamoDbTable<ScoreSettings> items;

    DynamoScoreSettings(Table table) {
        this.table = table;
        this.items = table.of(SCHEMA);
    }

    /** A100: consistent {@code GetItem}. */
    @Override
    public Optional<ScoreSettings> find(BrandId brand) {
        return table.get(items, Keys.brand(brand.value()), Keys.SCORE_SETTINGS_SK, true);
    }

    /** A100: {@code PutItem} if {@code attribute_not_exists(PK)} (version 1) or {@code version = :n-1}. */
    @Override
    public boolean save(ScoreSettings settings) {
        return table.putOverVersion(items, settings, settings.version());
    }

    private static ScoreSettings settings(ItemValues v) {
        List<ScoreRanges.Range> ranges = v.<String>list("ranges").stream().map(DynamoScoreSettings::range).toList();
        return new ScoreSettings(new BrandId(v.string("brand")), new ScoreRanges(ranges), v.number("spendReference"),
                v.number("version"));
    }

    private static ScoreRanges.Range range(String text) {
        int space = text.indexOf(' ');
        int dash = text.indexOf('-');
        return new ScoreRanges.Range(Integer.parseInt(text.substring(0, dash)),
                Integer.parseInt(text.substring(dash + 1, space)), text.substring(space + 1));
    }
}
