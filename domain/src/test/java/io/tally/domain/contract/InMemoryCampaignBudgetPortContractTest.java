package io.tally.domain.contract;

import io.tally.domain.campaign.CampaignBudgetPort;
import io.tally.domain.fakes.InMemoryCampaignBudgetPort;

class InMemoryCampaignBudgetPortContractTest extends CampaignBudgetPortContract {
    private final InMemoryCampaignBudgetPort port = new InMemoryCampaignBudgetPort();

    @Override
    protected CampaignBudgetPort port() {
        return port;
    }
}
