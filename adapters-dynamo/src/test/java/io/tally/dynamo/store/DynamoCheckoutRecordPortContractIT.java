package io.tally.dynamo.store;

import io.tally.domain.checkout.CheckoutRecordPort;
import io.tally.domain.contract.CheckoutRecordPortContract;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link CheckoutRecordPort} contract against the DynamoDB adapter on dynalite. */
@ExtendWith(DynaliteExtension.class)
class DynamoCheckoutRecordPortContractIT extends CheckoutRecordPortContract {
    private CheckoutRecordPort port;

    @BeforeEach
    void port(DynamoTestTable table) {
        port = new DynamoStorage(table.client(), table.tableName()).checkoutRecords();
    }

    @Override
    protected CheckoutRecordPort port() {
        return port;
    }
}
