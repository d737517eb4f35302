package io.tally.domain.ledger;

import static io.tally.domain.fakes.TestWorld.USD;
import static io.tally.domain.fakes.TestWorld.context;
import static io.tally.domain.ledger.BalanceUseCasesTest.reason;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.shared.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HoldTest {
    private final TestWorld w = new TestWorld();
    private final CardNumber card = w.activeCard();

    @Test
    void hold_then_redeem_from_it_twice_then_release_the_rest() {
        w.issue(card, 10_000);

        TransactionId hold = w.hold(card, 6_000).value().transactionId();
        assertEquals(10_000, w.balance(card), "a hold keeps the balance");
        assertEquals(4_000, w.available(card), "but lowers what is available");
        assertEquals(Reason.INSUFFICIENT_FUNDS, reason(w.redeem(card, 4_001)));

        w.redeemFromHold(card, hold, 2_000, false).value();
        w.redeemFromHold(card, hold, 1_000, false).value();
        assertEquals(7_000, w.balance(card));
        assertEquals(3_000, w.state(card).balance(USD).held());

        BalanceResult released = w.release(card, hold).value();
        assertEquals(EntryType.RELEASE, released.entry().type());
        assertEquals(7_000, w.available(card));
        assertEquals(Reason.HOLD_CLOSED, reason(w.redeemFromHold(card, hold, 1, false)));
    }

    @Test
    void release_hold_remainder_with_a_capture_closes_the_hold() {
        w.issue(card, 1_000);
        TransactionId hold = w.hold(card, 800).value().transactionId();

        BalanceResult captured = w.redeemFromHold(card, hold, 300, true).value();

        assertEquals(700, w.balance(card));
        assertEquals(700, w.available(card));
        assertEquals(-300, captured.entry().movements().get(0).balanceDelta());
        assertEquals(EntryType.REDEEM, captured.entry().type());
        assertEquals(-800, captured.entry().movements().get(0).heldDelta());
        assertTrue(w.state(card).balance(USD).holds().isEmpty());
    }

    @Test
    void a_capture_beyond_the_hold_is_refused_or_capped_on_overdraw() {
        w.issue(card, 1_000);
        TransactionId hold = w.hold(card, 400).value().transactionId();

        assertEquals(Reason.INSUFFICIENT_FUNDS, reason(w.redeemFromHold(card, hold, 500, false)));
        BalanceResult capped = w.redeemFromHold.redeem(new RedeemFromHoldUseCase.RedeemFromHoldCommand(context(), w.info(),
                card, USD, hold, 500, false, true, Optional.empty())).value();

        assertTrue(capped.didOverdraw());
        assertEquals(100, capped.amountDue());
        assertEquals(600, w.balance(card));
    }

    @Test
    void unknown_holds_and_holds_beyond_the_available_balance() {
        w.issue(card, 100);

        assertEquals(Reason.HOLD_NOT_FOUND, reason(w.redeemFromHold(card, new TransactionId("123"), 1, false)));
        assertEquals(Reason.INSUFFICIENT_FUNDS, reason(w.hold(card, 101)));
        assertEquals(Reason.INVALID_REQUEST, reason(w.hold.hold(new HoldUseCase.HoldCommand(context(), w.info(), card, USD, 10,
                Optional.of(TestWorld.START.plus(Duration.ofDays(40))), false, Optional.empty()))));
    }

    @Test
    void holds_expire_by_themselves_through_a_release_entry_from_the_sweeper() {
        w.issue(card, 1_000);
        w.hold.hold(new HoldUseCase.HoldCommand(context(), w.info(), card, USD, 600,
                Optional.of(TestWorld.START.plus(Duration.ofHours(1))), false, Optional.empty())).value();
        w.clock.advance(Duration.ofHours(2));

        var written = w.expire.sweep(TestWorld.BRAND, card).value();

        assertEquals(1, written.size());
        assertEquals(EntryType.RELEASE, written.get(0).type());
        assertEquals(1_000, w.available(card));
        assertTrue(w.expire.sweep(TestWorld.BRAND, card).value().isEmpty(), "sweeping again finds nothing");
    }

    @Test
    void a_hold_cannot_be_voided() {
        w.issue(card, 1_000);
        TransactionId hold = w.hold(card, 100).value().transactionId();

        assertEquals(Reason.NOT_VOIDABLE, reason(w.voidTransaction(card, hold)));
    }

    @Test
    void at_most_a_bounded_number_of_open_holds() {
        w.issue(card, 1_000);
        for (int i = 0; i < LedgerLimits.MAX_HOLDS_PER_BALANCE; i++) {
            w.hold(card, 1).value();
        }
        assertEquals(Reason.CARD_CAPACITY_EXCEEDED, reason(w.hold(card, 1)));
        assertEquals(Instant.class, w.state(card).balance(USD).holds().get(0).expiresAt().getClass());
    }
}
