package io.tally.domain.coupon.bulk;

import io.tally.domain.coupon.CouponSet;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.tenant.BrandId;
import java.util.Optional;

/** Finds a brand's coupon set in its configuration (wired to {@code CheckoutConfigPort}). */
@FunctionalInterface
public interface CouponSetLookup {
    Optional<CouponSet> find(BrandId brand, CouponSetId set);
}
