package io.tally.domain.report;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The committed checkouts of one location in a period (the commerce overview): how many, their checkout totals, and
 * the quantities bought in all and per SKU. Quantities are in thousandths (a basket may sell 1.5 kg), totals in minor
 * units of the checkout currency. A checkout that touched several cards counts once (its key).
 */
public record Sales(long orders, long total, long itemsMilli, SortedMap<String, Long> skusMilli) {
    public static final Sales NONE = new Sales(0, 0, 0, new TreeMap<>());

    public Sales {
        if (orders < 0 || total < 0 || itemsMilli < 0) {
            throw new IllegalArgumentException("sales are never negative");
        }
        skusMilli = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(skusMilli, "skusMilli")));
    }

    public Sales plus(Sales o) {
        TreeMap<String, Long> skus = new TreeMap<>(skusMilli);
        o.skusMilli.forEach((sku, q) -> skus.merge(sku, q, Math::addExact));
        return new Sales(Math.addExact(orders, o.orders), Math.addExact(total, o.total),
                Math.addExact(itemsMilli, o.itemsMilli), skus);
    }
}
