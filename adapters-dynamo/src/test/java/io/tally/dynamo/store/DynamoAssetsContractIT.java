package io.tally.dynamo.store;

import io.tally.domain.communication.assets.AssetsPort;
import io.tally.domain.contract.AssetsContract;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link AssetsPort} contract against the DynamoDB adapter on dynalite (A128-A131). */
@ExtendWith(DynaliteExtension.class)
class DynamoAssetsContractIT extends AssetsContract {
    private AssetsPort port;

    @BeforeEach
    void port(DynamoTestTable table) {
        port = new DynamoStorage(table.client(), table.tableName()).assets();
    }

    @Override
    protected AssetsPort assets() {
        return port;
    }
}
