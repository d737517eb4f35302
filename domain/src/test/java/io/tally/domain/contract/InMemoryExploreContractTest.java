package io.tally.domain.contract;

import io.tally.domain.fakes.InMemoryExplore;
import io.tally.domain.report.ExplorePort;

class InMemoryExploreContractTest extends ExplorePortContract {
    private final InMemoryExplore port = new InMemoryExplore();

    @Override
    protected ExplorePort port() {
        return port;
    }
}
