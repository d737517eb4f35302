package io.tally.dynamo.store;

import io.tally.domain.communication.rule.DateRunsPort;
import io.tally.domain.communication.rule.DueMailsPort;
import io.tally.domain.communication.rule.RulesPort;
import io.tally.domain.contract.RuleStoresContract;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The rules' stores against the DynamoDB adapters on dynalite (A115-A119) and the date rules' runs (A139, A140). */
@ExtendWith(DynaliteExtension.class)
class DynamoRuleStoresContractIT extends RuleStoresContract {
    private DynamoStorage storage;

    @BeforeEach
    void port(DynamoTestTable table) {
        storage = new DynamoStorage(table.client(), table.tableName());
    }

    @Override
    protected RulesPort rules() {
        return storage.rules();
    }

    @Override
    protected DueMailsPort dueMails() {
        return storage.dueRuleMails();
    }

    @Override
    protected DateRunsPort dateRuns() {
        return storage.dateRuns();
    }
}
