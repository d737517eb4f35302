package io.tally.domain.fakes;

import io.tally.domain.contract.BrandSetupReadContract;
import io.tally.domain.provisioning.BrandSetupReadPort;
import io.tally.domain.provisioning.ProvisioningPort;

class InMemoryBrandSetupReadContractTest extends BrandSetupReadContract {
    private final InMemoryConfigStore store = new InMemoryConfigStore();

    @Override
    protected ProvisioningPort provisioning() {
        return store;
    }

    @Override
    protected BrandSetupReadPort setup() {
        return store;
    }
}
