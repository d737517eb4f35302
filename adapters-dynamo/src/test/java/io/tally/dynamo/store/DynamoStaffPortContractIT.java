package io.tally.dynamo.store;

import io.tally.domain.contract.StaffPortContract;
import io.tally.domain.staff.StaffPort;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link StaffPort} contract against the DynamoDB adapter on dynalite. */
@ExtendWith(DynaliteExtension.class)
class DynamoStaffPortContractIT extends StaffPortContract {
    private StaffPort port;

    @BeforeEach
    void port(DynamoTestTable table) {
        port = new DynamoStorage(table.client(), table.tableName()).staff();
    }

    @Override
    protected StaffPort port() {
        return port;
    }
}
