package io.tally.domain.contract;

import io.tally.domain.fakes.InMemorySegments;
import io.tally.domain.segment.SegmentsPort;

class InMemorySegmentsContractTest extends SegmentsContract {
    private final InMemorySegments port = new InMemorySegments();

    @Override
    protected SegmentsPort port() {
        return port;
    }
}
