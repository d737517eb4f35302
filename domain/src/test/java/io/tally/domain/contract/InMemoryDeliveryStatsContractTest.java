package io.tally.domain.contract;

import io.tally.domain.delivery.BouncedAddressesPort;
import io.tally.domain.delivery.DeliveryStatsPort;
import io.tally.domain.fakes.InMemoryDeliveryStats;

class InMemoryDeliveryStatsContractTest extends DeliveryStatsContract {
    private final InMemoryDeliveryStats stats = new InMemoryDeliveryStats();

    @Override
    protected DeliveryStatsPort stats() {
        return stats;
    }

    @Override
    protected BouncedAddressesPort bounced() {
        return stats;
    }
}
