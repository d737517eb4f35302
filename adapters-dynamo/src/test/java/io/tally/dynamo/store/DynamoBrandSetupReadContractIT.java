package io.tally.dynamo.store;

import io.tally.domain.contract.BrandSetupReadContract;
import io.tally.domain.provisioning.BrandSetupReadPort;
import io.tally.domain.provisioning.ProvisioningPort;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The brand setup reads' contract, against the DynamoDB adapters on dynalite. */
@ExtendWith(DynaliteExtension.class)
class DynamoBrandSetupReadContractIT extends BrandSetupReadContract {
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
    protected BrandSetupReadPort setup() {
        return storage.brandSetup();
    }
}
