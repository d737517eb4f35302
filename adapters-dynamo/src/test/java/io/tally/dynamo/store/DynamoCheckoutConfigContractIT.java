package io.tally.dynamo.store;

import io.tally.domain.campaign.CheckoutConfigStore;
import io.tally.domain.contract.CheckoutConfigPortContract;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The checkout configuration port's contract, against the DynamoDB adapter on dynalite. */
@ExtendWith(DynaliteExtension.class)
class DynamoCheckoutConfigContractIT extends CheckoutConfigPortContract {
    private DynamoStorage storage;

    @BeforeEach
    void storage(DynamoTestTable table) {
        storage = new DynamoStorage(table.client(), table.tableName());
    }

    @Override
    protected CheckoutConfigStore store() {
        return storage.checkoutConfigStore();
    }
}
