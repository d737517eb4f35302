package io.tally.domain.engagement;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The SKUs a card's committed checkouts bought, at most {@link #MAX}: per SKU the quantity bought (thousandths, as the
 * statistics' items) and the sequence of the ledger entry that bought it last. Past the bound the SKU bought least
 * recently (the lowest last sequence; among the SKUs of one entry, the first by name) is forgotten with its quantity:
 * bought again later, it counts afresh. The card's item count is not bounded: it counts every line.
 *
 * <p>Size: a SKU is at most 64 characters (at most 192 bytes of UTF-8), so the two maps take at most
 * 200 × 2 × (192 + 21 + 1) bytes, about 86 KB of the item's 400 KB.
 */
public record CardSkus(Map<String, Long> quantityMilli, Map<String, Long> lastBought) {
    public static final int MAX = 200;
    public static final CardSkus NONE = new CardSkus(Map.of(), Map.of());

    public CardSkus {
        quantityMilli = Map.copyOf(quantityMilli);
        lastBought = Map.copyOf(lastBought);
        if (!quantityMilli.keySet().equals(lastBought.keySet()) || quantityMilli.size() > MAX) {
            throw new IllegalArgumentException("at most " + MAX + " SKUs, each with its quantity and its last entry");
        }
        if (quantityMilli.values().stream().anyMatch(q -> q < 0) || lastBought.values().stream().anyMatch(s -> s < 1)) {
            throw new IllegalArgumentException("quantities are never negative and sequences start at 1");
        }
    }

    /** The SKUs kept. */
    public Set<String> skus() {
        return quantityMilli.keySet();
    }

    /** With one sale's lines ({@code sku} bought {@code quantityMilli}) of entry {@code sequence} added. */
    public CardSkus plus(long sequence, Map<String, Long> lines) {
        if (lines.isEmpty()) {
            return this;
        }
        Map<String, Long> quantities = new HashMap<>(quantityMilli);
        Map<String, Long> last = new HashMap<>(lastBought);
        lines.forEach((sku, quantity) -> {
            quantities.merge(sku, quantity, Math::addExact);
            last.put(sku, sequence);
        });
        while (quantities.size() > MAX) {
            String oldest = last.entrySet().stream()
                    .min(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .orElseThrow().getKey();
            quantities.remove(oldest);
            last.remove(oldest);
        }
        return new CardSkus(quantities, last);
    }
}
