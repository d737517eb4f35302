package io.tally.dynamo.store;

import io.tally.domain.contract.DeliveryStatsContract;
import io.tally.domain.delivery.BouncedAddressesPort;
import io.tally.domain.delivery.DeliveryStatsPort;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The delivery statistics' storage contract against the DynamoDB adapter on dynalite. */
@ExtendWith(DynaliteExtension.class)
class DynamoDeliveryStatsContractIT extends DeliveryStatsContract {
    private DynamoStorage storage;

    @BeforeEach
    void storage(DynamoTestTable table) {
        storage = new DynamoStorage(table.client(), table.tableName());
    }

    @Override
    protected DeliveryStatsPort stats() {
        return storage.deliveryStats();
    }

    @Override
    protected BouncedAddressesPort bounced() {
        return storage.bouncedAddresses();
    }
}
