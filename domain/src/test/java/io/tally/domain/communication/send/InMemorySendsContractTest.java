package io.tally.domain.communication.send;

import io.tally.domain.contract.SendsContract;
import io.tally.domain.fakes.InMemorySends;

class InMemorySendsContractTest extends SendsContract {
    private final InMemorySends sends = new InMemorySends();

    @Override
    protected SendsPort sends() {
        return sends;
    }
}
