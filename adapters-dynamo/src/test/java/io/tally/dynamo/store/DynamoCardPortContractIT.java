package io.tally.dynamo.store;

import io.tally.domain.card.CardPort;
import io.tally.domain.contract.CardPortContract;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link CardPort} contract against the DynamoDB adapter on dynalite (one table per class; fresh ids per test). */
@ExtendWith(DynaliteExtension.class)
class DynamoCardPortContractIT extends CardPortContract {
    private CardPort port;

    @BeforeEach
    void port(DynamoTestTable table) {
        port = new DynamoStorage(table.client(), table.tableName()).cards();
    }

    @Override
    protected CardPort port() {
        return port;
    }
}
