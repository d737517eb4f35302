package io.tally.domain.fakes;

import io.tally.domain.contract.ConfigStoreContract;
import io.tally.domain.event.ActivityLogPort;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.provisioning.ProvisioningPort;
import io.tally.domain.tenant.LoadMerchantAccessPort;

class InMemoryConfigStoreContractTest extends ConfigStoreContract {
    private final InMemoryConfigStore store = new InMemoryConfigStore();

    @Override
    protected ProvisioningPort provisioning() {
        return store;
    }

    @Override
    protected LoadMerchantAccessPort merchantAccess() {
        return store;
    }

    @Override
    protected LoadProgramsPort programs() {
        return store;
    }

    @Override
    protected ActivityLogPort activityLog() {
        return store;
    }
}
