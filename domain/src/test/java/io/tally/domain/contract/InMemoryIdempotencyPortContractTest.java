package io.tally.domain.contract;

import io.tally.domain.fakes.InMemoryIdempotencyPort;
import io.tally.domain.ledger.IdempotencyPort;

class InMemoryIdempotencyPortContractTest extends IdempotencyPortContract {
    private final InMemoryIdempotencyPort port = new InMemoryIdempotencyPort();

    @Override
    protected IdempotencyPort port() {
        return port;
    }
}
