package io.tally.domain.model;

import io.tally.domain.checkout.CheckoutUseCase;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.coupon.CouponPort;
import java.util.function.Predicate;

/**
 * Checkout in a {@link ModelWorld}: the real use case on that world's storage, with the demo campaigns
 * ({@code CheckoutWorld.demoCampaigns()}) and Punches in the gift program, and its coupon writes as liable to a death
 * as its ledger writes.
 */
public interface ModelCheckouts {
    CheckoutUseCase checkout();

    /** The coupons the checkout uses, for the check to create its coupons and read them back. */
    CouponPort coupons();

    /**
     * From now on the process dies ({@link io.tally.domain.fakes.Crash}) right after a coupon write that stores a
     * coupon that matches; {@code c -> false} turns this off.
     */
    void crashAfterCouponWrite(Predicate<Coupon> which);
}
