package io.tally.dynamo.store;

import io.tally.domain.contract.CouponLoadPortContract;
import io.tally.domain.coupon.bulk.CouponLoadPort;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link CouponLoadPort} contract against the DynamoDB adapter on dynalite. */
@ExtendWith(DynaliteExtension.class)
class DynamoCouponLoadPortContractIT extends CouponLoadPortContract {
    private CouponLoadPort port;

    @BeforeEach
    void port(DynamoTestTable table) {
        port = new DynamoStorage(table.client(), table.tableName()).couponLoads();
    }

    @Override
    protected CouponLoadPort port() {
        return port;
    }
}
