package io.tally.dynamo.store;

import io.tally.domain.contract.SegmentSnapshotsContract;
import io.tally.domain.segment.evaluation.SegmentSnapshotsPort;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link SegmentSnapshotsPort} contract against the DynamoDB adapter on dynalite (A90, A91, A93, A94). */
@ExtendWith(DynaliteExtension.class)
class DynamoSegmentSnapshotsContractIT extends SegmentSnapshotsContract {
    private SegmentSnapshotsPort port;

    @BeforeEach
    void port(DynamoTestTable table) {
        port = new DynamoStorage(table.client(), table.tableName()).segmentSnapshots();
    }

    @Override
    protected SegmentSnapshotsPort port() {
        return port;
    }
}
