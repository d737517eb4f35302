package io.tally.domain.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CardSkusTest {
    private static String sku(int i) {
        return "SKU-" + (1000 + i);
    }

    @Test
    void quantities_add_up_per_sku_and_the_last_entry_that_bought_it_is_kept() {
        CardSkus skus = CardSkus.NONE.plus(1, Map.of("A", 1_000L)).plus(4, Map.of("A", 500L, "B", 2_000L));
        assertEquals(Map.of("A", 1_500L, "B", 2_000L), skus.quantityMilli());
        assertEquals(Map.of("A", 4L, "B", 4L), skus.lastBought());
    }

    @Test
    void past_the_bound_the_sku_bought_least_recently_is_forgotten_and_counts_afresh_when_bought_again() {
        CardSkus skus = CardSkus.NONE;
        for (int i = 0; i < CardSkus.MAX; i++) {
            skus = skus.plus(i + 1, Map.of(sku(i), 1_000L));
        }
        skus = skus.plus(300, Map.of(sku(0), 1_000L)); // SKU 0 bought again: now the most recent
        assertEquals(CardSkus.MAX, skus.skus().size());

        skus = skus.plus(301, Map.of("NEW", 3_000L));
        assertEquals(CardSkus.MAX, skus.skus().size());
        assertFalse(skus.skus().contains(sku(1)), "the least recently bought went");
        assertEquals(2_000L, skus.quantityMilli().get(sku(0)));
        assertEquals(3_000L, skus.quantityMilli().get("NEW"));

        skus = skus.plus(302, Map.of(sku(1), 1_000L));
        assertEquals(1_000L, skus.quantityMilli().get(sku(1)), "forgotten, it starts again from this sale");
        assertFalse(skus.skus().contains(sku(2)));
    }

    @Test
    void one_sale_of_more_new_skus_than_fit_keeps_the_last_by_name_after_the_older_ones_went() {
        CardSkus skus = CardSkus.NONE.plus(1, Map.of("OLD", 1_000L));
        Map<String, Long> basket = new LinkedHashMap<>();
        for (int i = 0; i < CardSkus.MAX; i++) {
            basket.put(sku(i), 1_000L);
        }
        skus = skus.plus(2, basket);
        assertEquals(CardSkus.MAX, skus.skus().size());
        assertFalse(skus.skus().contains("OLD"));
        assertTrue(skus.skus().contains(sku(0)));

        basket.put("ZZ", 1_000L);
        basket.put("AA", 1_000L);
        skus = CardSkus.NONE.plus(1, basket); // 202 SKUs of one entry: the first two by name go
        assertFalse(skus.skus().contains("AA"));
        assertFalse(skus.skus().contains(sku(0)));
        assertTrue(skus.skus().contains("ZZ"));
    }

    @Test
    void a_card_never_keeps_more_than_the_bound() {
        Map<String, Long> many = new LinkedHashMap<>();
        for (int i = 0; i <= CardSkus.MAX; i++) {
            many.put(sku(i), 1L);
        }
        assertThrows(IllegalArgumentException.class, () -> new CardSkus(many, many));
    }
}
