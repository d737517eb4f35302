package io.tally.dynamo.store;

import io.tally.domain.communication.TestListsPort;
import io.tally.domain.contract.TestListsContract;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link TestListsPort} contract against the DynamoDB adapter on dynalite (A104, A105). */
@ExtendWith(DynaliteExtension.class)
class DynamoTestListsContractIT extends TestListsContract {
    private TestListsPort port;

    @BeforeEach
    void port(DynamoTestTable table) {
        port = new DynamoStorage(table.client(), table.tableName()).testLists();
    }

    @Override
    protected TestListsPort lists() {
        return port;
    }
}
