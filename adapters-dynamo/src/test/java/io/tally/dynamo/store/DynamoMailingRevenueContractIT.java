package io.tally.dynamo.store;

import io.tally.domain.communication.MailingRevenuePort;
import io.tally.domain.contract.MailingRevenueContract;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link MailingRevenuePort} contract against the DynamoDB adapter on dynalite. */
@ExtendWith(DynaliteExtension.class)
class DynamoMailingRevenueContractIT extends MailingRevenueContract {
    private MailingRevenuePort port;

    @BeforeEach
    void port(DynamoTestTable table) {
        port = new DynamoStorage(table.client(), table.tableName()).mailingRevenue();
    }

    @Override
    protected MailingRevenuePort port() {
        return port;
    }
}
