package io.tally.domain.contract;

import io.tally.domain.fakes.InMemoryRollups;
import io.tally.domain.report.RollupPort;

class InMemoryRollupsContractTest extends RollupContract {
    private final InMemoryRollups port = new InMemoryRollups();

    @Override
    protected RollupPort port() {
        return port;
    }
}
