package io.tally.dynamo.store;

import io.tally.domain.communication.TemplatesPort;
import io.tally.domain.contract.TemplatesContract;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link TemplatesPort} contract against the DynamoDB adapter on dynalite (A106-A108). */
@ExtendWith(DynaliteExtension.class)
class DynamoTemplatesContractIT extends TemplatesContract {
    private TemplatesPort port;

    @BeforeEach
    void port(DynamoTestTable table) {
        port = new DynamoStorage(table.client(), table.tableName()).templates();
    }

    @Override
    protected TemplatesPort templates() {
        return port;
    }
}
