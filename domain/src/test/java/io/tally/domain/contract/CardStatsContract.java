package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.engagement.CardEventStats;
import io.tally.domain.engagement.CardLedgerStats;
import io.tally.domain.engagement.CardSkus;
import io.tally.domain.engagement.CardStatsPort;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.tenant.BrandId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link CardStatsPort} must do. Subclass it per implementation (in-memory fake, DynamoDB adapter). */
public abstract class CardStatsContract {
    protected abstract CardStatsPort port();

    private final BrandId brand = ContractData.freshBrand();

    private CardLedgerStats ledger(CardNumber card, long through, long orders) {
        return new CardLedgerStats(brand, card, through, 12_3400, orders, 2_500, 3, Optional.of(ContractData.T0),
                Optional.of(ContractData.T0.minusSeconds(60)));
    }

    @Test
    void the_ledger_part_moves_only_from_the_fold_it_was_computed_from() {
        CardNumber card = ContractData.freshCard();
        assertTrue(port().ledgerStats(brand, card).isEmpty());
        assertFalse(port().putLedgerStats(ledger(card, 3, 1), 2), "nothing stored through 2");
        assertTrue(port().putLedgerStats(ledger(card, 3, 1), 0));
        assertFalse(port().putLedgerStats(ledger(card, 4, 9), 0), "a second first fold loses");
        assertFalse(port().putLedgerStats(ledger(card, 5, 9), 4), "a fold from another start loses");
        assertTrue(port().putLedgerStats(ledger(card, 5, 2), 3));

        assertEquals(Optional.of(ledger(card, 5, 2)), port().ledgerStats(brand, card));
        assertTrue(port().ledgerStats(ContractData.freshBrand(), card).isEmpty());
        CardLedgerStats bare = CardLedgerStats.empty(brand, ContractData.freshCard());
        CardLedgerStats one = new CardLedgerStats(brand, bare.card(), 1, 0, 0, 0, 0, Optional.empty(), Optional.empty());
        assertTrue(port().putLedgerStats(one, 0));
        assertEquals(Optional.of(one), port().ledgerStats(brand, bare.card()));
    }

    @Test
    void the_totals_and_the_most_skus_a_card_keeps_come_back_as_stored_and_an_older_fold_says_its_rules() {
        CardNumber card = ContractData.freshCard();
        Map<String, Long> quantities = new HashMap<>();
        Map<String, Long> last = new HashMap<>();
        for (int i = 0; i < CardSkus.MAX; i++) {
            // the longest SKUs, three bytes a character: the item's worst case
            String sku = String.valueOf(i) + "\u20ac".repeat(64 - String.valueOf(i).length());
            quantities.put(sku, Long.MAX_VALUE - i);
            last.put(sku, Long.MAX_VALUE - i);
        }
        CardLedgerStats full = new CardLedgerStats(brand, card, 7, 1, 1, 1, 1, Optional.empty(), Optional.empty(),
                Map.of(ValueTypeKey.currency("USD"), 1_250L, ValueTypeKey.points(), 40L),
                Map.of(ValueTypeKey.custom("Coffee-Points"), 3L), new CardSkus(quantities, last), CardLedgerStats.RULES);
        assertTrue(port().putLedgerStats(full, 0));
        assertEquals(Optional.of(full), port().ledgerStats(brand, card));

        CardNumber older = ContractData.freshCard();
        CardLedgerStats first = new CardLedgerStats(brand, older, 2, 0, 0, 0, 1, Optional.empty(), Optional.empty(),
                Map.of(), Map.of(), CardSkus.NONE, 1);
        assertTrue(port().putLedgerStats(first, 0));
        assertFalse(port().ledgerStats(brand, older).orElseThrow().current());
    }

    @Test
    void the_events_part_moves_only_to_a_larger_count() {
        CardNumber card = ContractData.freshCard();
        CardEventStats two = new CardEventStats(brand, card, 2, Map.of("review", 2L), Map.of("positive", 2L),
                Optional.of(ContractData.T0));
        CardEventStats three = new CardEventStats(brand, card, 3, Map.of("review", 2L, "survey", 1L),
                Map.of("positive", 2L, "neutral", 1L), Optional.of(ContractData.T0.plusSeconds(5)));
        assertTrue(port().putEventStats(two));
        assertFalse(port().putEventStats(two), "the same count again");
        assertTrue(port().putEventStats(three));
        assertFalse(port().putEventStats(two), "a smaller, older count");

        assertEquals(Optional.of(three), port().eventStats(brand, card));
        assertEquals(three, port().stats(brand, card).events());
        assertEquals(0, port().stats(brand, card).ledger().orders());
        assertTrue(port().eventStats(ContractData.freshBrand(), card).isEmpty());
    }
}
