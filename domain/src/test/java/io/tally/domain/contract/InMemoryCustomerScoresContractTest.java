package io.tally.domain.contract;

import io.tally.domain.engagement.score.CustomerScoresPort;
import io.tally.domain.fakes.InMemoryCustomerScores;

class InMemoryCustomerScoresContractTest extends CustomerScoresContract {
    private final InMemoryCustomerScores port = new InMemoryCustomerScores();

    @Override
    protected CustomerScoresPort port() {
        return port;
    }
}
