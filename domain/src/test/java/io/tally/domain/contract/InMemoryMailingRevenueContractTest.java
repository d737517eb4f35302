package io.tally.domain.contract;

import io.tally.domain.communication.MailingRevenuePort;
import io.tally.domain.fakes.InMemoryMailingRevenue;

class InMemoryMailingRevenueContractTest extends MailingRevenueContract {
    private final InMemoryMailingRevenue port = new InMemoryMailingRevenue();

    @Override
    protected MailingRevenuePort port() {
        return port;
    }
}
