package io.tally.domain.campaign;

import io.tally.domain.coupon.CouponCode;
import io.tally.domain.coupon.CouponSetId;
import java.util.Objects;
import java.util.Set;

/** A coupon presented at checkout, already checked (known, unused, valid, usable by this card). */
public record PresentedCoupon(CouponCode code, CouponSetId set, Set<String> tags) {
    public PresentedCoupon {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(set, "set");
        tags = Set.copyOf(tags);
    }
}
