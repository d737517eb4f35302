package io.tally.domain.ledger;

import static io.tally.domain.fakes.TestWorld.BRAND;
import static io.tally.domain.fakes.TestWorld.START;
import static io.tally.domain.fakes.TestWorld.USD;
import static io.tally.domain.ledger.BalanceUseCasesTest.reason;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tally.domain.card.CardNumber;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.shared.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, findings 1 and 2: a card's balances are a function of its operations and their times, never of when
 * the expiry sweeper happened to run.
 */
class TimeDeterminismTest {
    private static final Instant EXPIRY = START.plus(Duration.ofDays(10));

    /** Bucket A (50, expiring at T), a hold of 50, after T an issuance of 30 that never expires, then a capture of 50. */
    private static long captureAfterExpiry(boolean sweepBeforeIssue, boolean sweepAfterIssue) {
        TestWorld w = new TestWorld();
        CardNumber card = w.activeCard();
        w.issueExpiring(card, 50, EXPIRY).value();
        TransactionId hold = w.hold.hold(new HoldUseCase.HoldCommand(TestWorld.context(), w.info(), card, USD, 50,
                Optional.of(START.plus(Duration.ofDays(20))), false, Optional.empty())).value().transactionId();
        w.clock.set(EXPIRY.plus(Duration.ofHours(1)));
        if (sweepBeforeIssue) {
            w.expire.sweep(BRAND, card);
        }
        w.clock.advance(Duration.ofHours(1));
        w.issue(card, 30).value();
        w.clock.advance(Duration.ofHours(1));
        if (sweepAfterIssue) {
            w.expire.sweep(BRAND, card);
        }
        w.clock.advance(Duration.ofHours(1));
        w.redeemFromHold(card, hold, 50, false).value();
        return w.balance(card);
    }

    @Test
    void a_capture_on_expired_held_value_ends_the_same_whenever_the_sweeper_ran() {
        long never = captureAfterExpiry(false, false);
        assertEquals(never, captureAfterExpiry(true, false), "sweeper ran between expiry and issuance");
        assertEquals(never, captureAfterExpiry(false, true), "sweeper ran between issuance and capture");
        assertEquals(never, captureAfterExpiry(true, true), "sweeper ran twice");
        assertEquals(30, never, "the hold keeps the expired value it reserved; the capture spends it");
    }

    @Test
    void a_lapsed_hold_cannot_be_captured_even_before_the_sweeper_ran() {
        TestWorld w = new TestWorld();
        CardNumber card = w.activeCard();
        w.issue(card, 100).value();
        TransactionId hold = w.hold.hold(new HoldUseCase.HoldCommand(TestWorld.context(), w.info(), card, USD, 40,
                Optional.of(START.plus(Duration.ofDays(1))), false, Optional.empty())).value().transactionId();
        w.clock.set(START.plus(Duration.ofDays(2)));

        assertEquals(Reason.HOLD_CLOSED, reason(w.redeemFromHold(card, hold, 40, false)), "error 22: released or expired");
        assertEquals(Reason.HOLD_CLOSED, reason(w.release(card, hold)));
        assertEquals(100, w.balance(card));
        assertEquals(Reason.INSUFFICIENT_FUNDS, reason(w.redeem(card, 101)));
        w.redeem(card, 100).value();
    }
}
