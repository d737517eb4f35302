package io.tally.domain.campaign;

import io.tally.domain.coupon.CouponSet;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.tenant.BrandId;
import java.time.ZoneId;
import java.util.Collection;
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
    /**
     * Campaigns a brand may have. Every campaign a checkout considers is explained in the sale its ledger entry records,
     * which must fit one database item (docs/ARCHITECTURE.md, "Item size").
     */
    public static final int MAX_CAMPAIGNS = 50;
    /**
     * {@code discount} and {@code allocateCoupon} results across a brand's campaigns: each may add a discount or an
     * awarded coupon to a checkout's recorded sale.
     */
    public static final int MAX_SALE_RESULTS = 100;

    /** No bounds checked: a brand's configuration stored before them must still load (they are checked on saving). */
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

    /**
     * Why a brand cannot have {@code campaigns} (all of them, as they would be stored), if it cannot: more than
     * {@link #MAX_CAMPAIGNS}, or more than {@link #MAX_SALE_RESULTS} discount and allocateCoupon results in all.
     */
    public static Optional<String> tooMany(Collection<Campaign> campaigns) {
        return tooMany(campaigns, List.of());
    }

    /**
     * Why a brand whose campaigns are {@code before} cannot have {@code after} instead, if it cannot: as
     * {@link #tooMany(Collection)}, except that a bound {@code before} was already over may be kept over as long as
     * {@code after} does not grow past it (a configuration stored before the bounds existed can still be edited and
     * shrunk, never grown).
     */
    public static Optional<String> tooMany(Collection<Campaign> after, Collection<Campaign> before) {
        if (after.size() > MAX_CAMPAIGNS && after.size() > before.size()) {
            return Optional.of("a brand has at most " + MAX_CAMPAIGNS + " campaigns (these would make " + after.size()
                    + "; remove some first)");
        }
        long results = saleResults(after);
        if (results > MAX_SALE_RESULTS && results > saleResults(before)) {
            return Optional.of("a brand's campaigns have at most " + MAX_SALE_RESULTS + " discount and allocateCoupon results "
                    + "in all (these would have " + results + ")");
        }
        return Optional.empty();
    }

    private static long saleResults(Collection<Campaign> campaigns) {
        long results = 0;
        for (Campaign c : campaigns) {
            results += c.results().stream().filter(r -> r instanceof Campaign.Discount || r instanceof Campaign.AllocateCoupon)
                    .count();
        }
        return results;
    }

    public Optional<CouponSet> couponSet(CouponSetId id) {
        return couponSets.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
