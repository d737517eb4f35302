package io.tally.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Named sequences of the model check around checkouts and deaths, each compared step by step with the model like the
 * random ones of {@link LedgerModelCheckTest}: what a random run finds only now and then, every build.
 */
class CheckoutModelCheckTest {
    /** {@link FaultPlan} codes: the first attempt dies after write n (ledger or coupon), retried at once or never. */
    private static final int DIES_AFTER_1_NEVER_RETRIED = 1 + 12 * FaultPlan.DELAYS.size();
    private static final int DIES_AFTER_2_RETRIED = 2;
    private static final int DIES_AFTER_3_RETRIED = 3;
    /** Dies after its first write; the retry comes a millisecond later (FaultPlan.DELAYS index 2). */
    private static final int DIES_AFTER_1_RETRIED_1MS_LATER = 1 + 12 * 2;

    private static Step checkout(int card, int pick, boolean coffee, boolean coupon, int fault) {
        return new Step(Step.Kind.CHECKOUT, card, 100, pick, 0, coffee, coupon, fault);
    }

    private static Step advance(int time) {
        return new Step(Step.Kind.ADVANCE, 0, 1, 0, time, false, false, 0);
    }

    @Test
    void a_checkout_that_died_after_its_entry_or_its_coupon_is_retried_into_exactly_one_checkout() {
        for (int fault : List.of(DIES_AFTER_2_RETRIED, DIES_AFTER_3_RETRIED)) {
            ModelCheck.Tally t = new ModelCheck(new InMemoryModelWorld(), Mode.FAULTS).run(List.of(
                    checkout(0, 1, true, true, fault), checkout(1, 1, false, true, 0)));
            assertEquals(1, t.crashes());
            assertEquals(1, t.replays(), "the retry replays the committed checkout");
            assertEquals(1, t.checkouts(), "the other card's checkout finds the coupon used");
        }
    }

    @Test
    void a_coupon_claimed_by_a_checkout_that_died_and_was_never_retried_is_free_after_the_lease() {
        ModelCheck.Tally t = new ModelCheck(new InMemoryModelWorld(), Mode.FAULTS).run(List.of(
                checkout(0, 1, false, true, DIES_AFTER_1_NEVER_RETRIED),
                advance(1), // a second: the claim holds (COUPON_IN_USE)
                checkout(1, 1, false, true, 0),
                advance(2), // an hour: past the lease
                checkout(1, 1, false, true, 0)));
        assertEquals(1, t.abandoned());
        assertEquals(1, t.checkouts(), "refused within the lease, accepted after it");
    }

    @Test
    void the_tenth_coffee_awards_one_coupon_and_its_void_withdraws_it() {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            steps.add(checkout(0, 1, true, false, i == 9 ? DIES_AFTER_3_RETRIED : 0));
        }
        ModelCheck.Tally awarded = new ModelCheck(new InMemoryModelWorld(), Mode.FAULTS).run(steps);
        assertEquals(1, awarded.awards());
        steps.add(new Step(Step.Kind.VOID_CHECKOUT, 0, 1, 0, 0, false, false, 0));
        assertEquals(0, new ModelCheck(new InMemoryModelWorld(), Mode.FAULTS).run(steps).awards());
    }

    @Test
    void a_completion_that_died_and_was_never_retried_leaves_the_setup_holding_its_coupon() {
        ModelCheck.Tally t = new ModelCheck(new InMemoryModelWorld(), Mode.FAULTS).run(List.of(
                checkout(0, 0, false, true, 0), // a setup presenting SPRING-0
                new Step(Step.Kind.COMPLETE, 0, 1, 0, 0, false, false, DIES_AFTER_1_NEVER_RETRIED),
                new Step(Step.Kind.ADVANCE_TO_EVENT, 0, 1, 0, 2, false, false, 0), // a millisecond before the setup lapses
                checkout(1, 1, false, true, 0), // the setup still holds the coupon
                new Step(Step.Kind.COMPLETE, 0, 1, 0, 0, false, false, 0)));
        assertEquals(1, t.abandoned());
        assertEquals(1, t.completions());
    }

    /**
     * Found by the randomised check: a completion a millisecond before its setup lapses re-pins the setup's coupon and
     * dies; its retry, after the lapse, is refused (CHECKOUT_CLOSED). The dead attempt's append could still be in
     * flight, so its pin holds for the claim's lease: another checkout meets COUPON_IN_USE until then, and gets the
     * coupon after it.
     */
    @Test
    void a_completion_that_died_after_re_pinning_and_whose_retry_found_the_setup_lapsed_holds_the_coupon_for_the_lease() {
        ModelCheck.Tally t = new ModelCheck(new InMemoryModelWorld(), Mode.FAULTS).run(List.of(
                checkout(0, 0, false, true, 0), // a setup presenting SPRING-0
                new Step(Step.Kind.ADVANCE_TO_EVENT, 0, 1, 0, 2, false, false, 0), // a millisecond before it lapses
                new Step(Step.Kind.COMPLETE, 0, 1, 0, 0, false, false, DIES_AFTER_1_RETRIED_1MS_LATER),
                checkout(1, 1, false, true, 0), // within the lease: COUPON_IN_USE
                advance(2), // an hour: past the lease
                checkout(1, 1, false, true, 0)));
        assertEquals(1, t.crashes());
        assertEquals(0, t.completions(), "the retry found the setup lapsed");
        assertEquals(2, t.checkouts(), "the setup, and the checkout after the lease; not the one within it");
    }
}
