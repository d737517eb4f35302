package io.tally.domain.contract;

import io.tally.domain.engagement.CardEventsPort;
import io.tally.domain.fakes.InMemoryCardEvents;

class InMemoryCardEventsContractTest extends CardEventsContract {
    private final InMemoryCardEvents port = new InMemoryCardEvents();

    @Override
    protected CardEventsPort port() {
        return port;
    }
}
