package io.tally.domain.contract;

import io.tally.domain.engagement.EventDefinitionsPort;
import io.tally.domain.fakes.InMemoryEventDefinitions;

class InMemoryEventDefinitionsContractTest extends EventDefinitionsContract {
    private final InMemoryEventDefinitions port = new InMemoryEventDefinitions();

    @Override
    protected EventDefinitionsPort port() {
        return port;
    }
}
