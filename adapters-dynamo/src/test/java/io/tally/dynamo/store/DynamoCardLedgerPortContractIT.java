package io.tally.dynamo.store;

import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.contract.CardLedgerPortContract;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link CardLedgerPort} contract against the DynamoDB adapter on dynalite (one table per class; fresh ids per test). */
@ExtendWith(DynaliteExtension.class)
class DynamoCardLedgerPortContractIT extends CardLedgerPortContract {
    private CardLedgerPort port;

    @BeforeEach
    void port(DynamoTestTable table) {
        port = new DynamoStorage(table.client(), table.tableName()).cardLedger();
    }

    @Override
    protected CardLedgerPort port() {
        return port;
    }
}
