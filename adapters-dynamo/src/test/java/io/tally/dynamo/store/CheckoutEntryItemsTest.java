package io.tally.dynamo.store;

import static io.tally.domain.fakes.CheckoutWorld.FREE_COFFEE;
import static io.tally.domain.fakes.CheckoutWorld.SPRING;
import static io.tally.domain.fakes.CheckoutWorld.basket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.checkout.CheckoutUseCase;
import io.tally.domain.fakes.CheckoutWorld;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.ledger.CheckoutFacts;
import io.tally.domain.ledger.CheckoutStats;
import io.tally.domain.ledger.EntryType;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.VoidUseCase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** CHECKOUT entries (single stage, setup, completion, void) and the checkout statistics in states map and read back exactly. */
class CheckoutEntryItemsTest {
    @Test
    void checkoutEntriesRoundTripExactly() {
        CheckoutWorld w = new CheckoutWorld();
        CardNumber card = w.world.activeCard();
        w.world.issue(card, 10_000);
        for (int i = 0; i < 5; i++) {
            w.coupon(FREE_COFFEE, "FREE" + (2000 + i));
        }
        var spring = w.coupon(SPRING, "SPRING-7777");
        for (int i = 0; i < 10; i++) {
            w.buy(card, basket("COFFEE-S", 1, "3.10", "BEANS", "0.25", "20.00")).value();
        }
        var sale = w.buy(card, basket("MUFFIN", 2, "4.00"), spring).value();
        var setup = w.checkout.checkout(w.command(Optional.of(card), basket("MUFFIN", 1, "30.00"), List.of(),
                List.of(new CheckoutUseCase.Redemption(TestWorld.USD, new BigDecimal("12.34"))), true, Optional.empty(), w.info()))
                .value();
        w.checkout.checkout(w.command(Optional.of(card), basket(), List.of(), List.of(), false, Optional.of(setup.transactionId()),
                w.info())).value();
        w.checkout.voidCardTransaction(new VoidUseCase.VoidCommand(TestWorld.context(), w.info(), Optional.of(card),
                sale.transactionId())).value();
        List<LedgerEntry> entries = new ArrayList<>();
        long head = w.world.state(card).sequence();
        for (long s = 1; s <= head; s++) {
            entries.add(w.world.ledger.entry(TestWorld.BRAND, card, s).orElseThrow());
        }
        assertTrue(entries.stream().filter(e -> e.type() == EntryType.CHECKOUT).count() >= 12);
        assertTrue(entries.get(entries.size() - 1).posting().checkout().isPresent(), "the void carries the sale's facts");
        for (LedgerEntry e : entries) {
            assertEquals(e, LedgerItemsTest.roundTrip(e), "entry " + e.sequence() + " " + e.type());
        }
    }

    /**
     * Entries written before keep counts and last-fired entries: a sale without {@code pk} reads as keeping
     * {@link CheckoutStats#RECENT_FIRES} for each of {@code pf}'s campaigns, fires without {@code l} take their latest
     * remembered firing's entry.
     */
    @Test
    void entries_stored_before_keep_counts_read_as_they_folded_then() {
        LedgerEntry worst = LedgerItemsTest.worstCheckout();
        Map<String, AttributeValue> item = new HashMap<>(LedgerItemsTest.stored(worst));
        Map<String, AttributeValue> sale = new HashMap<>(item.get("checkout").m());
        sale.remove("pk");
        item.put("checkout", AttributeValue.fromM(sale));
        Map<String, AttributeValue> state = new HashMap<>(item.get("state").m());
        Map<String, AttributeValue> co = new HashMap<>(state.get("co").m());
        co.put("f", AttributeValue.fromL(co.get("f").l().stream().map(f -> {
            Map<String, AttributeValue> without = new HashMap<>(f.m());
            without.remove("l");
            return AttributeValue.fromM(without);
        }).toList()));
        state.put("co", AttributeValue.fromM(co));
        item.put("state", AttributeValue.fromM(state));

        LedgerEntry read = LedgerItems.ENTRY.mapToItem(item).entry();

        List<CheckoutFacts.PerCardFire> fired = read.posting().checkout().orElseThrow().perCardFires();
        assertEquals(worst.posting().checkout().orElseThrow().perCardFires().stream()
                .map(f -> CheckoutFacts.PerCardFire.recorded(f.campaign())).toList(), fired);
        read.stateAfter().checkouts().fires().forEach((id, f) -> assertEquals(
                f.recent().get(f.recent().size() - 1).sequence(), f.last(), id));
        assertEquals(worst.stateAfter().checkouts().fires().keySet(), read.stateAfter().checkouts().fires().keySet());
    }
}
