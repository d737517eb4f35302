package io.tally.domain.contract;

import io.tally.domain.fakes.InMemoryCardLedgerPort;
import io.tally.domain.ledger.CardLedgerPort;

class InMemoryCardLedgerPortContractTest extends CardLedgerPortContract {
    private final InMemoryCardLedgerPort port = new InMemoryCardLedgerPort();

    @Override
    protected CardLedgerPort port() {
        return port;
    }
}
