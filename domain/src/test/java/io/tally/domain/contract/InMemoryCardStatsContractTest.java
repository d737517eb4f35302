package io.tally.domain.contract;

import io.tally.domain.engagement.CardStatsPort;
import io.tally.domain.fakes.InMemoryCardStats;

class InMemoryCardStatsContractTest extends CardStatsContract {
    private final InMemoryCardStats port = new InMemoryCardStats();

    @Override
    protected CardStatsPort port() {
        return port;
    }
}
