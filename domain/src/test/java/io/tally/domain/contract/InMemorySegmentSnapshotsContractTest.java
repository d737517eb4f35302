package io.tally.domain.contract;

import io.tally.domain.fakes.InMemorySegmentSnapshots;
import io.tally.domain.segment.evaluation.SegmentSnapshotsPort;

class InMemorySegmentSnapshotsContractTest extends SegmentSnapshotsContract {
    private final InMemorySegmentSnapshots port = new InMemorySegmentSnapshots();

    @Override
    protected SegmentSnapshotsPort port() {
        return port;
    }
}
