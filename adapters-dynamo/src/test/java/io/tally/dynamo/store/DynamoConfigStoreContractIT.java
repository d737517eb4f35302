package io.tally.dynamo.store;

import io.tally.domain.contract.ConfigStoreContract;
import io.tally.domain.event.ActivityLogPort;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.provisioning.ProvisioningPort;
import io.tally.domain.tenant.LoadMerchantAccessPort;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The configuration ports' contract, against the DynamoDB adapters on dynalite. */
@ExtendWith(DynaliteExtension.class)
class DynamoConfigStoreContractIT extends ConfigStoreContract {
    private DynamoStorage storage;

    @BeforeEach
    void storage(DynamoTestTable table) {
        storage = new DynamoStorage(table.client(), table.tableName());
    }

    @Override
    protected ProvisioningPort provisioning() {
        return storage.provisioning();
    }

    @Override
    protected LoadMerchantAccessPort merchantAccess() {
        return storage.merchantAccess();
    }

    @Override
    protected LoadProgramsPort programs() {
        return storage.programs();
    }

    @Override
    protected ActivityLogPort activityLog() {
        return storage.activityLog();
    }
}
