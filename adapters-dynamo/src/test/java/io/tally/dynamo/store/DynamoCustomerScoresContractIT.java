package io.tally.dynamo.store;

import io.tally.domain.contract.CustomerScoresContract;
import io.tally.domain.engagement.score.CustomerScoresPort;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link CustomerScoresPort} contract against the DynamoDB adapter on dynalite. */
@ExtendWith(DynaliteExtension.class)
class DynamoCustomerScoresContractIT extends CustomerScoresContract {
    private CustomerScoresPort port;

    @BeforeEach
    void port(DynamoTestTable table) {
        port = new DynamoStorage(table.client(), table.tableName()).customerScores();
    }

    @Override
    protected CustomerScoresPort port() {
        return port;
    }
}
