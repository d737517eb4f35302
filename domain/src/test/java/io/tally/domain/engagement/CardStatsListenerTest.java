package io.tally.domain.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.tally.domain.card.CardNumber;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.fakes.InMemoryCardEvents;
import io.tally.domain.fakes.InMemoryCardStats;
import io.tally.domain.fakes.TestWorld;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CardStatsListenerTest {
    private final TestWorld w = new TestWorld();
    private final InMemoryCardStats stats = new InMemoryCardStats();
    private final CardStatsListener listener = new CardStatsListener(stats, w.ledger, new InMemoryCardEvents());

    @Test
    void a_ledger_event_naming_a_sequence_the_ledger_does_not_hold_fails_the_delivery_rather_than_spinning() {
        CardNumber card = w.activeCard();
        w.issue(card, 500);
        long held = w.ledger.head(TestWorld.BRAND, card).orElseThrow().sequence();
        DomainEvent beyond = new DomainEvent("evt-x", "ledger.issued", TestWorld.BRAND, TestWorld.START,
                Map.of("cardNumber", card.value(), "sequence", Long.toString(held + 5)));

        // entries the fold holds already are not folded again (they failed the fold before); the limit guards a hang
        IllegalStateException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(IllegalStateException.class, () -> listener.accept(beyond)));
        assertEquals(true, e.getMessage().contains("no ledger entries after " + held), e.getMessage());
        assertEquals(held, stats.ledgerStats(TestWorld.BRAND, card).orElseThrow().through(),
                "what the ledger holds is folded and kept");
    }

    @Test
    void a_ledger_event_of_a_card_without_entries_fails_the_delivery_rather_than_spinning() {
        CardNumber none = new CardNumber("6000000000000007");
        DomainEvent orphan = new DomainEvent("evt-y", "ledger.issued", TestWorld.BRAND, TestWorld.START,
                Map.of("cardNumber", none.value(), "sequence", "3"));

        // before the guard this looped for ever (an empty page moved nothing and its put kept succeeding)
        assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(IllegalStateException.class, () -> listener.accept(orphan)));
    }
}
