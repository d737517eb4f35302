package io.tally.dynamo.store;

import io.tally.domain.ledger.IdempotencyPort;
import io.tally.domain.contract.IdempotencyPortContract;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link IdempotencyPort} contract against the DynamoDB adapter on dynalite (one table per class; fresh ids per test). */
@ExtendWith(DynaliteExtension.class)
class DynamoIdempotencyPortContractIT extends IdempotencyPortContract {
    private IdempotencyPort port;

    @BeforeEach
    void port(DynamoTestTable table) {
        port = new DynamoStorage(table.client(), table.tableName()).idempotency();
    }

    @Override
    protected IdempotencyPort port() {
        return port;
    }
}
