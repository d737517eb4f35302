package io.tally.domain.contract;

import io.tally.domain.communication.CardMailingsPort;
import io.tally.domain.fakes.InMemoryCardMailings;

class InMemoryCardMailingsContractTest extends CardMailingsContract {
    private final InMemoryCardMailings port = new InMemoryCardMailings();

    @Override
    protected CardMailingsPort port() {
        return port;
    }
}
