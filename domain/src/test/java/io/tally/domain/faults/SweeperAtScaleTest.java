package io.tally.domain.faults;

import static io.tally.domain.fakes.TestWorld.BRAND;
import static io.tally.domain.fakes.TestWorld.START;
import static io.tally.domain.fakes.TestWorld.USD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.ledger.HoldUseCase;
import io.tally.domain.ledger.SweepDueCardsUseCase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, finding 3, at scale: 10,000 due cards, each with 50 superseded names in the due index ahead of it, and 200
 * cards whose expired value a hold keeps, with superseded names at the oldest due times of all. Runs of the sweeper
 * with its production budget sweep every due card within ceil(10,000 / 2,000) runs plus one, read each superseded
 * name once, and never touch the held value. (Throughput on dynalite: docs/PERFORMANCE.md, the sweeper figure.)
 */
class SweeperAtScaleTest {
    private static final int DUE_CARDS = 10_000;
    private static final int SUPERSEDED_EACH = 50;
    private static final int BLOCKED_CARDS = 200;
    private static final int MAX_CARDS_PER_RUN = 2_000;

    @Test
    void every_due_card_is_swept_within_a_bounded_number_of_runs() {
        TestWorld w = new TestWorld();
        List<CardNumber> blocked = new ArrayList<>();
        for (int i = 0; i < BLOCKED_CARDS; i++) {
            CardNumber card = w.activeCard();
            w.issueExpiring(card, 50, START.plus(Duration.ofHours(12))).value();
            w.hold.hold(new HoldUseCase.HoldCommand(TestWorld.context(), w.info(), card, USD, 50,
                    Optional.of(START.plus(Duration.ofDays(30))), false, Optional.empty())).value();
            w.ledger.indexSuperseded(BRAND, card, START.plus(Duration.ofMinutes(1 + i)), SUPERSEDED_EACH);
            blocked.add(card);
        }
        List<CardNumber> due = new ArrayList<>();
        for (int i = 0; i < DUE_CARDS; i++) {
            CardNumber card = w.activeCard();
            Instant expiry = START.plus(Duration.ofDays(1)).plusMillis(i);
            w.issueExpiring(card, 10, expiry).value();
            w.ledger.indexSuperseded(BRAND, card, expiry.minus(Duration.ofHours(6)), SUPERSEDED_EACH);
            due.add(card);
        }
        w.clock.set(START.plus(Duration.ofDays(2)));
        SweepDueCardsUseCase sweeper = new SweepDueCardsUseCase(w.ledger, w.expire, 4);

        int runs = 0;
        int superseded = 0;
        SweepDueCardsUseCase.Report report;
        do {
            report = sweeper.sweep(w.clock.instant(), MAX_CARDS_PER_RUN);
            superseded += report.supersededRemoved();
            runs++;
            assertTrue(report.failures().isEmpty(), report.failures().toString());
        } while (report.cardsVisited() > 0 && runs < 100);

        assertTrue(runs <= DUE_CARDS / MAX_CARDS_PER_RUN + 1 + 1, runs + " runs (the last one finds nothing left)");
        for (CardNumber card : due) {
            assertEquals(0, w.balance(card));
        }
        for (CardNumber card : blocked) {
            assertEquals(50, w.balance(card), "kept for the hold, which lapses in 30 days");
        }
        assertEquals((DUE_CARDS + BLOCKED_CARDS) * SUPERSEDED_EACH + DUE_CARDS + BLOCKED_CARDS, superseded,
                "each superseded name read and removed once: the 50 each, every swept card's own, every hold's issuance's");
    }
}
