package io.tally.dynamo.store;

import io.tally.domain.communication.send.SendsPort;
import io.tally.domain.contract.SendsContract;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link SendsPort} contract against the DynamoDB adapter on dynalite (A109-A114). */
@ExtendWith(DynaliteExtension.class)
class DynamoSendsContractIT extends SendsContract {
    private SendsPort port;

    @BeforeEach
    void port(DynamoTestTable table) {
        port = new DynamoStorage(table.client(), table.tableName()).sends();
    }

    @Override
    protected SendsPort sends() {
        return port;
    }
}
