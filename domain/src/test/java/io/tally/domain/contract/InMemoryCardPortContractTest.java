package io.tally.domain.contract;

import io.tally.domain.card.CardPort;
import io.tally.domain.fakes.InMemoryCardPort;

class InMemoryCardPortContractTest extends CardPortContract {
    private final InMemoryCardPort port = new InMemoryCardPort();

    @Override
    protected CardPort port() {
        return port;
    }
}
