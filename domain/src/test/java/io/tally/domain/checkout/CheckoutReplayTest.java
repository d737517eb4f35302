package io.tally.domain.checkout;

import static io.tally.domain.fakes.CheckoutWorld.SPRING;
import static io.tally.domain.fakes.CheckoutWorld.basket;
import static io.tally.domain.fakes.TestWorld.POINTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.fakes.CheckoutWorld;
import io.tally.domain.shared.Outcome;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Found by the model check (LedgerModelCheckTest): a till's retry of a checkout that committed must replay it. */
class CheckoutReplayTest {
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
}
