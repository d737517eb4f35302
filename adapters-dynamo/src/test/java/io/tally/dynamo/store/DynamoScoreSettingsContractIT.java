package io.tally.dynamo.store;

import io.tally.domain.contract.ScoreSettingsContract;
import io.tally.domain.engagement.score.ScoreRunsPort;
import io.tally.domain.engagement.score.ScoreSettingsPort;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link ScoreSettingsPort} and {@link ScoreRunsPort} contract against the DynamoDB adapters on dynalite. */
@ExtendWith(DynaliteExtension.class)
class DynamoScoreSettingsContractIT extends ScoreSettingsContract {
    private ScoreSettingsPort settings;
    private ScoreRunsPort runs;

    @BeforeEach
    void ports(DynamoTestTable table) {
        DynamoStorage storage = new DynamoStorage(table.client(), table.tableName());
        settings = storage.scoreSettings();
        runs = storage.scoreRuns();
    }

    @Override
    protected ScoreSettingsPort settings() {
        return settings;
    }

    @Override
    protected ScoreRunsPort runs() {
        return runs;
    }
}
