package io.tally.domain.contract;

import io.tally.domain.coupon.bulk.CouponLoadPort;
import io.tally.domain.fakes.InMemoryCouponLoadPort;

class InMemoryCouponLoadPortContractTest extends CouponLoadPortContract {
    private final InMemoryCouponLoadPort port = new InMemoryCouponLoadPort();

    @Override
    protected CouponLoadPort port() {
        return port;
    }
}
