package io.tally.dynamo.store;

import io.tally.domain.contract.SegmentsContract;
import io.tally.domain.segment.SegmentsPort;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link SegmentsPort} contract against the DynamoDB adapter on dynalite (A85-A87). */
@ExtendWith(DynaliteExtension.class)
class DynamoSegmentsContractIT extends SegmentsContract {
    private SegmentsPort port;

    @BeforeEach
    void port(DynamoTestTable table) {
        port = new DynamoStorage(table.client(), table.tableName()).segments();
    }

    @Override
    protected SegmentsPort port() {
        return port;
    }
}
