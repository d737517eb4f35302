package io.tally.domain.campaign;

import io.tally.domain.coupon.CouponSet;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.tenant.BrandId;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A brand's checkout configuration, read in one request and cached briefly ({@link CheckoutConfigPort}): the currency
 * baskets are priced in, the time zone for day-of-week and time-of-day conditions, coupon sets, SKU tags (tag → SKUs)
 * and campaigns.
 */
public record CheckoutConfig(BrandId brand, ValueTypeKey currency, ZoneId zone, List<CouponSet> couponSets,
                             Map<String, Set<String>> skuTags, List<Campaign> campaigns) {
    public CheckoutConfig {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(zone, "zone");
        couponSets = List.copyOf(couponSets);
        skuTags = Map.copyOf(skuTags);
        campaigns = List.copyOf(campaigns);
    }

    public static CheckoutConfig empty(BrandId brand) {
        return new CheckoutConfig(brand, ValueTypeKey.currency("USD"), ZoneId.of("UTC"), List.of(), Map.of(), List.of());
    }

    public Optional<CouponSet> couponSet(CouponSetId id) {
        return couponSets.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
