package io.tally.domain.communication.assets;

import io.tally.domain.contract.AssetsContract;
import io.tally.domain.fakes.InMemoryAssets;

class InMemoryAssetsContractTest extends AssetsContract {
    private final InMemoryAssets assets = new InMemoryAssets();

    @Override
    protected AssetsPort assets() {
        return assets;
    }
}
