package io.tally.domain.fakes;

import io.tally.domain.campaign.CheckoutConfigStore;
import io.tally.domain.contract.CheckoutConfigPortContract;

class InMemoryCheckoutConfigContractTest extends CheckoutConfigPortContract {
    private final InMemoryCheckoutConfig store = new InMemoryCheckoutConfig();

    @Override
    protected CheckoutConfigStore store() {
        return store;
    }
}
