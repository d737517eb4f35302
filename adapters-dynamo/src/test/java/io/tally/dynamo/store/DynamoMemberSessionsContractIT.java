package io.tally.dynamo.store;

import io.tally.domain.account.MemberSessionsPort;
import io.tally.domain.contract.MemberSessionsContract;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The member account's session store contract against the DynamoDB adapter on dynalite. */
@ExtendWith(DynaliteExtension.class)
class DynamoMemberSessionsContractIT extends MemberSessionsContract {
    private MemberSessionsPort sessions;

    @BeforeEach
    void storage(DynamoTestTable table) {
        sessions = new DynamoStorage(table.client(), table.tableName()).memberSessions();
    }

    @Override
    protected MemberSessionsPort sessions() {
        return sessions;
    }
}
