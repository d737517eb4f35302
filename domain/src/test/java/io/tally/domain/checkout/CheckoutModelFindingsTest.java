package io.tally.domain.checkout;

import static io.tally.domain.fakes.CheckoutWorld.SPRING;
import static io.tally.domain.fakes.CheckoutWorld.basket;
import static io.tally.domain.fakes.TestWorld.POINTS;
import static io.tally.domain.fakes.TestWorld.USD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.fakes.CheckoutWorld;
import io.tally.domain.fakes.Crash;
import io.tally.domain.fakes.CrashingCouponPort;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Found by the model check (LedgerModelCheckTest). */
class CheckoutModelFindingsTest {
    private final CheckoutWorld w = new CheckoutWorld();
    private final CardNumber card = w.world.activeCard();

    @Test
    void a_repeated_request_id_answers_the_same_checkout_when_it_used_a_coupon() {
        CouponCode spring = w.coupon(SPRING, "SPRING-0100");
        var cmd = w.command(Optional.of(card), basket("MUFFIN", 2, "10.00"), List.of(spring), List.of(), false, Optional.empty(),
                w.info().withCustomRequestId("till-7-sale-2"));
        var first = w.checkout.checkout(cmd).value();
        Outcome<CheckoutUseCase.CheckoutResult> again = w.checkout.checkout(cmd);
        assertTrue(again.isAccepted(), "the retry of a committed checkout is its replay, not " + again);
        assertEquals(first.transactionId(), again.value().transactionId());
        assertTrue(again.value().replayed());
        assertEquals(18, w.balance(card, POINTS), "earned once");
    }

    @Test
    void capturing_a_completed_setups_hold_is_hold_closed_not_hold_not_found() {
        w.world.issue(card, 1_000);
        var setup = w.checkout.checkout(w.command(Optional.of(card), basket("MUFFIN", 1, "5.00"), List.of(),
                List.of(new CheckoutUseCase.Redemption(USD, new BigDecimal("5.00"))), true, Optional.empty(), w.info())).value();
        w.checkout.checkout(w.command(Optional.of(card), basket(), List.of(), List.of(), false, Optional.of(setup.transactionId()),
                w.info())).value();
        var capture = w.world.redeemFromHold(card, setup.transactionId(), 100, false);
        assertEquals(Reason.HOLD_CLOSED, ((Outcome.Rejected<?>) capture).rejection().reason(),
                "the setup's hold existed on this card and was captured by its completion");
    }

    @Test
    void a_completion_that_died_after_re_pinning_the_coupon_leaves_the_setup_its_coupon() {
        CrashingCouponPort coupons = new CrashingCouponPort(w.coupons);
        CheckoutUseCase checkout = new CheckoutUseCase(w.world.writer, w.world.voids, w.world.cards, w.world.ledger, w.world.programs,
                brand -> w.config, coupons, w.budget, w.records, w.world.clock, w.world.random);
        CouponCode spring = w.coupon(SPRING, "SPRING-0101");
        var setup = checkout.checkout(w.command(Optional.of(card), basket("MUFFIN", 1, "10.00"), List.of(spring), List.of(), true,
                Optional.empty(), w.info())).value();
        coupons.crashAfterWriting(c -> c.code().equals(spring));
        assertThrows(Crash.class, () -> checkout.checkout(w.command(Optional.of(card), basket(), List.of(), List.of(), false,
                Optional.of(setup.transactionId()), w.info())), "the completion dies after its first coupon write");
        coupons.crashAfterWriting(c -> false);
        w.world.clock.advance(Duration.ofMinutes(5)); // the till never retried; the setup stands for 25 more minutes
        var other = w.world.activeCard();
        Outcome<CheckoutUseCase.CheckoutResult> taken = checkout.checkout(w.command(Optional.of(other), basket("MUFFIN", 1, "10.00"),
                List.of(spring), List.of(), false, Optional.empty(), w.info()));
        assertEquals(Optional.of(Reason.COUPON_IN_USE), reasonOf(taken), "the standing setup still holds its coupon");
        var done = checkout.checkout(w.command(Optional.of(card), basket(), List.of(), List.of(), false,
                Optional.of(setup.transactionId()), w.info()));
        assertTrue(done.isAccepted(), "a later completion of the standing setup succeeds, not " + done);
    }

    private static Optional<Reason> reasonOf(Outcome<?> o) {
        return o instanceof Outcome.Rejected<?> r ? Optional.of(r.rejection().reason()) : Optional.empty();
    }
}
