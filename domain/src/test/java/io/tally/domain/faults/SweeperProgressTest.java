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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 9, finding 3: the sweeper always makes progress. */
class SweeperProgressTest {
    private final TestWorld w = new TestWorld();

    @Test
    void cards_whose_expired_value_a_hold_covers_do_not_starve_the_others() {
        List<CardNumber> blocked = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            CardNumber card = w.activeCard();
            w.issueExpiring(card, 50, START.plus(Duration.ofDays(1))).value();
            w.hold.hold(new HoldUseCase.HoldCommand(TestWorld.context(), w.info(), card, USD, 50,
                    Optional.of(START.plus(Duration.ofDays(30))), false, Optional.empty())).value();
            blocked.add(card);
        }
        List<CardNumber> ordinary = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            CardNumber card = w.activeCard();
            w.issueExpiring(card, 70, START.plus(Duration.ofDays(2))).value();
            ordinary.add(card);
        }
        w.clock.set(START.plus(Duration.ofDays(3)));

        new SweepDueCardsUseCase(w.ledger, w.expire).sweep(w.clock.instant(), 2_000);

        for (CardNumber card : ordinary) {
            assertEquals(0, w.balance(card), "an ordinary due card is swept in the first run");
        }
        for (CardNumber card : blocked) {
            assertEquals(50, w.balance(card), "held expired value stays while the hold needs it");
        }
    }

    @Test
    void one_failing_card_is_skipped_and_the_run_goes_on() {
        CardNumber failing = w.activeCard();
        w.issueExpiring(failing, 10, START.plus(Duration.ofDays(1))).value();
        List<CardNumber> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CardNumber card = w.activeCard();
            w.issueExpiring(card, 10, START.plus(Duration.ofDays(2))).value();
            others.add(card);
        }
        w.clock.set(START.plus(Duration.ofDays(3)));
        w.ledger.failAppendsOf(failing);

        SweepDueCardsUseCase.Report report = new SweepDueCardsUseCase(w.ledger, w.expire).sweep(w.clock.instant(), 2_000);

        for (CardNumber card : others) {
            assertTrue(w.ledger.all(BRAND, card).size() > 1, "swept despite the failing card");
        }
        assertEquals(1, report.cardsLeftForNextRun(), "the failing card is left for the next run");
    }
}
