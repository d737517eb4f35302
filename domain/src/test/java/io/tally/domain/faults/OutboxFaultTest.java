package io.tally.domain.faults;

import static io.tally.domain.fakes.TestWorld.USD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.event.HandleEventUseCase;
import io.tally.domain.fakes.Crash;
import io.tally.domain.fakes.InMemoryConfigStore;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.ledger.BalanceResult;
import io.tally.domain.ledger.EntryType;
import io.tally.domain.ledger.EventRelay;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.LedgerEvents;
import io.tally.domain.ledger.RedeemUseCase;
import io.tally.domain.shared.Outcome;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, finding 4, with the process killed at each point after the commit: the client's retry (same
 * customRequestId) makes exactly one effect, and the consumers see exactly one event for the entry.
 */
class OutboxFaultTest {
    private final TestWorld w = new TestWorld();
    private final CardNumber card = w.activeCard();
    private final InMemoryConfigStore activity = new InMemoryConfigStore();
    private final HandleEventUseCase consumer = new HandleEventUseCase(activity);

    private Outcome<BalanceResult> redeem40() {
        return w.redeem.redeem(new RedeemUseCase.RedeemCommand(TestWorld.context(),
                w.info().withCustomRequestId("till-3-0042"), card, USD, 40, false, Optional.empty()));
    }

    /** The queue delivers every published event to the consumer (at least once: duplicates included). */
    private long deliveredFor(LedgerEntry entry) {
        for (DomainEvent e : w.events.published()) {
            consumer.handle(e);
        }
        return activity.recent(TestWorld.BRAND, 1_000).stream().filter(e -> e.id().equals(LedgerEvents.eventId(entry))).count();
    }

    private LedgerEntry theRedemption() {
        List<LedgerEntry> redeems = w.ledger.all(TestWorld.BRAND, card).stream().filter(e -> e.type() == EntryType.REDEEM).toList();
        assertEquals(1, redeems.size(), "exactly one effect");
        return redeems.get(0);
    }

    private void drainLater() {
        w.clock.advance(EventRelay.GRACE.plusSeconds(1));
        w.relay.drain(w.clock.instant(), 1_000);
    }

    @Test
    void killed_after_the_write_and_before_the_publish() {
        w.issue(card, 100).value();
        w.ledger.crashAfterAppending(e -> e.type() == EntryType.REDEEM);
        assertThrows(Crash.class, this::redeem40);
        w.ledger.crashAfterAppending(e -> false);

        BalanceResult retried = redeem40().value();
        drainLater();

        assertTrue(retried.replayed());
        assertEquals(theRedemption().transactionId(), retried.transactionId());
        assertEquals(60, w.balance(card));
        assertEquals(1, deliveredFor(theRedemption()));
    }

    @Test
    void killed_after_the_publish_and_before_the_outbox_mark_and_the_idempotency_record() {
        w.issue(card, 100).value();
        w.events.crashAfterNext(1);
        assertThrows(Crash.class, this::redeem40);

        BalanceResult retried = redeem40().value();
        drainLater();

        assertTrue(retried.replayed());
        assertEquals(60, w.balance(card));
        assertEquals(2, w.events.published().stream().filter(e -> e.id().equals(LedgerEvents.eventId(theRedemption()))).count(),
                "published twice: once before the crash, once by the drain");
        assertEquals(1, deliveredFor(theRedemption()), "the consumer de-duplicates on the event id");
    }
}
