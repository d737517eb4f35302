package io.tally.domain.faults;

import static io.tally.domain.fakes.TestWorld.START;
import static io.tally.domain.fakes.TestWorld.USD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tally.domain.card.CardNumber;
import io.tally.domain.fakes.Crash;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.ledger.EntryType;
import io.tally.domain.ledger.HoldUseCase;
import io.tally.domain.ledger.LedgerEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A call that dies between the two entries time writes for one instant (the RELEASE of what lapsed then, and the
 * EXPIRE of what expired then) must leave the same card as a call that did not: the retry finishes that instant as
 * that instant's, not as value that expired earlier. (Found by the model check, seed 4354653249216523065.)
 */
class CatchUpCrashTest {
    private static final Instant T = START.plus(Duration.ofHours(8));

    /** 1.00 expiring at T, 3.00 never; holds of 2.00 lapsing at T and 1.50 later; then a redemption after T. */
    private static List<LedgerEntry> run(boolean crashBetween) {
        TestWorld w = new TestWorld();
        CardNumber card = w.activeCard();
        w.issueExpiring(card, 100, T).value();
        w.issue(card, 300).value();
        w.hold.hold(new HoldUseCase.HoldCommand(TestWorld.context(), w.info(), card, USD, 200, Optional.of(T), false,
                Optional.empty())).value();
        w.hold.hold(new HoldUseCase.HoldCommand(TestWorld.context(), w.info(), card, USD, 150,
                Optional.of(T.plus(Duration.ofDays(5))), false, Optional.empty())).value();
        w.clock.set(T.plus(Duration.ofHours(1)));
        if (crashBetween) {
            w.ledger.crashAfterAppending(e -> e.type() == EntryType.RELEASE);
            assertThrows(Crash.class, () -> w.redeem(card, 50));
            w.ledger.crashAfterAppending(e -> false);
        }
        w.redeem(card, 50).value();
        assertEquals(250, w.balance(card), "the 1.00 expired at T: unexpired value covers the hold still open");
        return w.ledger.all(TestWorld.BRAND, card);
    }

    @Test
    void the_retry_finishes_the_instant_the_call_died_in() {
        List<LedgerEntry> calm = run(false);
        List<LedgerEntry> crashed = run(true);

        assertEquals(calm.stream().map(e -> e.type() + "@" + e.time() + " " + e.movements()).toList(),
                crashed.stream().map(e -> e.type() + "@" + e.time() + " " + e.movements()).toList());
    }
}
