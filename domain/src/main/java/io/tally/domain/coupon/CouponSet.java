package io.tally.domain.coupon;

import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A named set of coupons (configuration: seed, command line, later the back office). Coupons loaded into the set
 * take its validity window unless their line gives their own.
 */
public record CouponSet(BrandId brand, CouponSetId id, String name, Optional<Instant> validFrom, Optional<Instant> validTo) {
    public CouponSet {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id.value() : name;
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        if (validFrom.isPresent() && validTo.isPresent() && !validTo.get().isAfter(validFrom.get())) {
            throw new IllegalArgumentException("a coupon set's validTo is after its validFrom");
        }
    }
}
