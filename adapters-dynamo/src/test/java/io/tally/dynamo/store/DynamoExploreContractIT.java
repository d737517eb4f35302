package io.tally.dynamo.store;

import io.tally.domain.contract.ExplorePortContract;
import io.tally.domain.report.ExplorePort;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link ExplorePort} contract against the DynamoDB adapter on dynalite. */
@ExtendWith(DynaliteExtension.class)
class DynamoExploreContractIT extends ExplorePortContract {
    private ExplorePort port;

    @BeforeEach
    void port(DynamoTestTable table) {
        port = new DynamoStorage(table.client(), table.tableName()).explore();
    }

    @Override
    protected ExplorePort port() {
        return port;
    }
}
