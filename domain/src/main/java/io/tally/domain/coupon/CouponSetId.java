package io.tally.domain.coupon;

import io.tally.domain.shared.Identifiers;

/** A caller-chosen coupon set id, unique within its brand. */
public record CouponSetId(String value) {
    public CouponSetId {
        Identifiers.require(value, "coupon set id");
    }

    @Override
    public String toString() {
        return value;
    }
}
