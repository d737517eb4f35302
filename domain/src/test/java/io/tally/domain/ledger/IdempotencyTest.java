package io.tally.domain.ledger;

import static io.tally.domain.fakes.TestWorld.USD;
import static io.tally.domain.fakes.TestWorld.context;
import static io.tally.domain.ledger.BalanceUseCasesTest.reason;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdempotencyTest {
    private final TestWorld w = new TestWorld();
    private final CardNumber card = w.activeCard();

    private Outcome<BalanceResult> redeem(CardNumber c, long amount, String requestId) {
        return w.redeem.redeem(new RedeemUseCase.RedeemCommand(context(), w.info().withCustomRequestId(requestId), c, USD,
                amount, false, Optional.empty()));
    }

    @Test
    void a_repeated_request_returns_the_first_result_and_changes_nothing() {
        w.issue(card, 1000);

        BalanceResult first = redeem(card, 300, "r-1").value();
        BalanceResult again = redeem(card, 300, "r-1").value();

        assertFalse(first.replayed());
        assertTrue(again.replayed());
        assertEquals(first.entry(), again.entry());
        assertEquals(700, w.balance(card));
        assertEquals(2, w.state(card).sequence());
    }

    @Test
    void the_same_id_with_another_request_is_refused() {
        w.issue(card, 1000);
        redeem(card, 300, "r-1").value();

        assertEquals(Reason.REQUEST_ID_REUSED, reason(redeem(card, 301, "r-1")));
        // across cards and beyond a card's memory the merchant API's claim refuses reuse (ReplayTest)
    }

    @Test
    void a_transport_outage_after_the_append_is_success_and_the_outbox_publishes_the_event_later() {
        w.issue(card, 1000);
        w.events.failNext(1);

        BalanceResult first = redeem(card, 300, "r-1").value();
        assertEquals(700, w.balance(card));
        BalanceResult retried = redeem(card, 300, "r-1").value();
        w.clock.advance(EventRelay.GRACE.plusSeconds(1));
        w.relay.drain(w.clock.instant(), 100);

        assertTrue(retried.replayed());
        assertEquals(first.transactionId(), retried.transactionId());
        assertEquals(700, w.balance(card));
        assertEquals(1, w.events.published().stream().filter(e -> e.id().equals(LedgerEvents.eventId(first.entry()))).count());
    }

    @Test
    void a_retry_that_took_over_a_lapsed_request_finds_its_entry_even_beyond_the_cards_ring() {
        w.issue(card, 10_000);
        Instant firstAttempt = w.clock.instant();
        BalanceResult first = redeem(card, 1, "old").value();
        for (int i = 0; i < LedgerLimits.REQUEST_RING + 5; i++) {
            redeem(card, 1, "n-" + i).value();
        }
        assertTrue(w.state(card).recentRequest("old").isEmpty());

        BalanceResult again = w.redeem.redeem(new RedeemUseCase.RedeemCommand(context(),
                new RequestInfo(Optional.empty(), Optional.empty(), "ref-x", Optional.of("old"), Optional.of(firstAttempt)),
                card, USD, 1, false, Optional.empty())).value();

        assertTrue(again.replayed());
        assertEquals(first.transactionId(), again.transactionId());
        assertEquals(10_000 - 1 - LedgerLimits.REQUEST_RING - 5, w.balance(card));
    }

    @Test
    void a_rejected_request_may_be_retried_with_its_id() {
        assertEquals(Reason.INSUFFICIENT_FUNDS, reason(redeem(card, 300, "r-1")));
        w.issue(card, 1000);

        assertTrue(redeem(card, 300, "r-1").isAccepted());
    }
}
