package io.tally.dynamo.store;

import io.tally.domain.campaign.CampaignBudgetPort;
import io.tally.domain.contract.CampaignBudgetPortContract;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link CampaignBudgetPort} contract against the DynamoDB adapter on dynalite. */
@ExtendWith(DynaliteExtension.class)
class DynamoCampaignBudgetPortContractIT extends CampaignBudgetPortContract {
    private CampaignBudgetPort port;

    @BeforeEach
    void port(DynamoTestTable table) {
        port = new DynamoStorage(table.client(), table.tableName()).campaignBudget();
    }

    @Override
    protected CampaignBudgetPort port() {
        return port;
    }
}
