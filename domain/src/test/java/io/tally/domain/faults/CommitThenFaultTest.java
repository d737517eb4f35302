package io.tally.domain.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.ledger.BalanceResult;
import io.tally.domain.ledger.EventRelay;
import io.tally.domain.ledger.LedgerEvents;
import io.tally.domain.shared.Outcome;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, finding 4: once the ledger entry is written the caller gets success; what fails after the commit
 * (publishing the event) is done later by the outbox's drain, never answered as an error. (Recording the answer of
 * a customRequestId after the write: AnswerRecordFaultTest in adapters-lambda.)
 */
class CommitThenFaultTest {
    private final TestWorld w = new TestWorld();
    private final CardNumber card = w.activeCard();

    @Test
    void an_event_transport_outage_after_the_write_is_not_an_error_to_the_caller() {
        w.issue(card, 100).value();
        w.events.failNext(1);

        Outcome<BalanceResult> redeemed = w.redeem(card, 40);

        assertTrue(redeemed.isAccepted(), "the money moved, so the answer is success");
        assertEquals(60, w.balance(card));
        String id = LedgerEvents.eventId(redeemed.value().entry());
        assertTrue(w.events.published().stream().noneMatch(e -> e.id().equals(id)), "not out yet");

        w.clock.advance(EventRelay.GRACE.plusSeconds(1));
        w.relay.drain(w.clock.instant(), 1_000);

        assertEquals(1, w.events.published().stream().filter(e -> e.id().equals(id)).count(), "the drain relayed it, once");
        assertEquals(0, w.ledger.outboxSize());
    }
}
