package io.tally.domain.contract;

import io.tally.domain.coupon.CouponPort;
import io.tally.domain.fakes.InMemoryCouponPort;

class InMemoryCouponPortContractTest extends CouponPortContract {
    private final InMemoryCouponPort port = new InMemoryCouponPort();

    @Override
    protected CouponPort port() {
        return port;
    }
}
