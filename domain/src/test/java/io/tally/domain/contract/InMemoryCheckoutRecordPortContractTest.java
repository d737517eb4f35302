package io.tally.domain.contract;

import io.tally.domain.checkout.CheckoutRecordPort;
import io.tally.domain.fakes.InMemoryCheckoutRecordPort;

class InMemoryCheckoutRecordPortContractTest extends CheckoutRecordPortContract {
    private final InMemoryCheckoutRecordPort port = new InMemoryCheckoutRecordPort();

    @Override
    protected CheckoutRecordPort port() {
        return port;
    }
}
