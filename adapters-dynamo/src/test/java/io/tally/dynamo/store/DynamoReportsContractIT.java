package io.tally.dynamo.store;

import io.tally.domain.contract.ReportsPortContract;
import io.tally.domain.report.export.ReportsPort;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link ReportsPort} contract against the DynamoDB adapter on dynalite. */
@ExtendWith(DynaliteExtension.class)
class DynamoReportsContractIT extends ReportsPortContract {
    private ReportsPort port;

    @BeforeEach
    void port(DynamoTestTable table) {
        port = new DynamoStorage(table.client(), table.tableName()).reports();
    }

    @Override
    protected ReportsPort port() {
        return port;
    }
}
