package io.tally.dynamo.store;

import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.contract.AuditLogPortContract;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link AuditLogPort} contract against the DynamoDB adapter on dynalite. */
@ExtendWith(DynaliteExtension.class)
class DynamoAuditLogContractIT extends AuditLogPortContract {
    private AuditLogPort port;

    @BeforeEach
    void port(DynamoTestTable table) {
        port = new DynamoStorage(table.client(), table.tableName()).auditLog();
    }

    @Override
    protected AuditLogPort port() {
        return port;
    }
}
