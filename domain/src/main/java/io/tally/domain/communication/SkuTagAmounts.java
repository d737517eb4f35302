package io.tally.domain.communication;

import io.tally.domain.campaign.CheckoutConfig;
import io.tally.domain.ledger.LedgerEvents;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A committed checkout's revenue per SKU tag of the brand, for the communication report's SKU tag filter. A tag's
 * amount is the sum of the checkout's lines whose SKU the tag holds ({@link CheckoutConfig#skuTags}, matched as the
 * campaigns match a tag: the SKU is in the tag's set), each line quantity × unit price as the till sent it (the event's
 * {@code skuamount.<sku>}), so before the campaigns' discounts, as the attributed total ({@code checkout.total}) is;
 * the sum rounded half-even to the currency's minor units once per tag (as the total is), and never more than the
 * checkout's attributed amount (as a campaign's earn on matching lines is capped by the total: a till total below
 * its lines caps every tag at it). A line in two tags counts in both; a line in none counts in the total only, so
 * the tags do not add up to the total. Tags with nothing are left out.
 */
final class SkuTagAmounts {
    private SkuTagAmounts() {
    }

    /**
     * @param data   the {@code ledger.checkout} event's data
     * @param amount the checkout's attributed amount (minor units), the cap
     */
    static Map<String, Long> of(Map<String, String> data, CheckoutConfig config, long amount) {
        Map<String, BigDecimal> bySku = new TreeMap<>();
        data.forEach((k, v) -> {
            if (k.startsWith(LedgerEvents.SKU_AMOUNT)) {
                bySku.put(k.substring(LedgerEvents.SKU_AMOUNT.length()), new BigDecimal(v));
            }
        });
        Map<String, Long> tags = new TreeMap<>();
        if (bySku.isEmpty()) {
            return tags;
        }
        int scale = config.currency().defaultScale();
        for (Map.Entry<String, Set<String>> tag : config.skuTags().entrySet()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal> sku : bySku.entrySet()) {
                if (tag.getValue().contains(sku.getKey())) {
                    sum = sum.add(sku.getValue());
                }
            }
            long minor = Math.min(amount, sum.movePointRight(scale).setScale(0, RoundingMode.HALF_EVEN).longValueExact());
            if (minor > 0) {
                tags.put(tag.getKey(), minor);
            }
        }
        return tags;
    }
}
