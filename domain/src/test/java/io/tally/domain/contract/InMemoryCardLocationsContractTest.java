package io.tally.domain.contract;

import io.tally.domain.card.CardLocationsPort;
import io.tally.domain.fakes.InMemoryCardLocations;

class InMemoryCardLocationsContractTest extends CardLocationsContract {
    private final InMemoryCardLocations port = new InMemoryCardLocations();

    @Override
    protected CardLocationsPort port() {
        return port;
    }
}
