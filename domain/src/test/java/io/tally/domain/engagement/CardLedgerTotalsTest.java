package io.tally.domain.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.checkout.CheckoutUseCase;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.fakes.CheckoutWorld;
import io.tally.domain.fakes.InMemoryCardEvents;
import io.tally.domain.fakes.InMemoryCardStats;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.ledger.CheckoutFacts;
import io.tally.domain.ledger.TransactionId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The issued and redeemed totals and the SKUs of a card's statistics, entry kind by entry kind. */
class CardLedgerTotalsTest {
    private final CheckoutWorld shop = new CheckoutWorld();
    private final TestWorld w = shop.world;
    private final InMemoryCardStats stats = new InMemoryCardStats();
    private final CardStatsListener listener = new CardStatsListener(stats, w.ledger, new InMemoryCardEvents());
    private final CardNumber card = w.activeCard();

    private CardLedgerStats folded() {
        long head = w.ledger.head(TestWorld.BRAND, card).orElseThrow().sequence();
        listener.accept(new DomainEvent("evt-" + head, "ledger.x", TestWorld.BRAND, TestWorld.START,
                Map.of("cardNumber", card.value(), "sequence", Long.toString(head))));
        return stats.ledgerStats(TestWorld.BRAND, card).orElseThrow();
    }

    @Test
    void issues_and_redemptions_count_holds_and_releases_do_not_and_a_void_takes_back_what_it_undoes() {
        TransactionId firstIssue = w.issue(card, 5_000).value().transactionId();
        w.issue(card, 700);
        TransactionId redemption = w.redeem(card, 1_200).value().transactionId();
        TransactionId hold = w.hold(card, 300).value().transactionId();
        w.release(card, hold);
        assertEquals(Map.of(TestWorld.USD, 5_700L), folded().issued());
        assertEquals(Map.of(TestWorld.USD, 1_200L), folded().redeemed());

        assertTrue(w.voidTransaction(card, redemption).isAccepted());
        assertTrue(w.voidTransaction(card, firstIssue).isAccepted());
        CardLedgerStats s = folded();
        assertEquals(Map.of(TestWorld.USD, 700L), s.issued());
        assertEquals(Map.of(), s.redeemed(), "a total back at 0 is left out");

        TransactionId second = w.hold(card, 200).value().transactionId();
        assertTrue(w.redeemFromHold(card, second, 150, true).isAccepted());
        assertEquals(Map.of(TestWorld.USD, 150L), folded().redeemed(), "a capture from a hold is a redemption");
    }

    @Test
    void a_checkout_issues_what_it_earns_redeems_what_it_spends_and_keeps_its_skus() {
        w.issue(card, 2_000);
        var sale = shop.checkout.checkout(shop.command(Optional.of(card),
                CheckoutWorld.basket("LATTE", 2, "4.50", "MUG", "1", "12.00"), List.of(),
                List.of(new CheckoutUseCase.Redemption(TestWorld.USD, new BigDecimal("5.00"))), false, Optional.empty(),
                shop.info()));
        assertTrue(sale.isAccepted(), sale.toString());
        long earned = sale.value().facts().mutations().stream()
                .filter(m -> m.kind() == CheckoutFacts.Kind.EARN && m.key().equals(TestWorld.POINTS))
                .mapToLong(CheckoutFacts.Mutation::amount).sum();
        assertTrue(earned > 0, "the demo's earn campaign gave points");

        CardLedgerStats s = folded();
        assertEquals(Map.of(TestWorld.USD, 2_000L, TestWorld.POINTS, earned), s.issued());
        assertEquals(Map.of(TestWorld.USD, 500L), s.redeemed());
        assertEquals(Set.of("LATTE", "MUG"), s.skus().skus());
        assertEquals(Map.of("LATTE", 2_000L, "MUG", 1_000L), s.skus().quantityMilli());

        assertTrue(w.voidTransaction(card, sale.value().transactionId()).isAccepted());
        CardLedgerStats voided = folded();
        assertEquals(Map.of(TestWorld.USD, 2_000L), voided.issued(), "the void took the points back");
        assertEquals(Map.of(), voided.redeemed(), "and put the dollars back");
        assertEquals(Set.of("LATTE", "MUG"), voided.skus().skus(), "a voided sale's SKUs still count, as its order");
    }

    @Test
    void a_fold_of_older_rules_is_folded_again_from_the_first_entry() {
        w.issue(card, 900);
        w.redeem(card, 400);
        long head = w.ledger.head(TestWorld.BRAND, card).orElseThrow().sequence();
        // as stored before the totals existed: the figures of then, no totals, rules 1
        stats.putLedgerStats(new CardLedgerStats(TestWorld.BRAND, card, head, 0, 0, 0, 2, Optional.empty(),
                Optional.empty(), Map.of(), Map.of(), CardSkus.NONE, 1), 0);

        CardLedgerStats again = folded();
        assertEquals(CardLedgerStats.RULES, again.rules());
        assertEquals(head, again.through());
        assertEquals(Map.of(TestWorld.USD, 900L), again.issued());
        assertEquals(Map.of(TestWorld.USD, 400L), again.redeemed());
        assertEquals(1, again.visits(), "the figures of then are folded anew too");
    }
}
