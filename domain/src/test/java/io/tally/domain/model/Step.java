package io.tally.domain.model;

/**
 * One generated step, as raw numbers that {@link Resolver} reads against the model's state at that moment (which
 * hold, which transaction, which coming event). Raw numbers keep every shrunk sequence meaningful: removing a step
 * never leaves a later one pointing at nothing.
 *
 * @param kind      what to do
 * @param card      which of the two cards (0 or 1)
 * @param amount    an amount in cents, 1..500
 * @param pick      chooses a target (hold, transaction, coming event)
 * @param time      chooses an expiry, a lapse, a clock advance or an offset from an event
 * @param flag      a decrease for an adjustment, redeemMaxOnOverdraw, or releaseHoldRemainder for a capture, or "expiring" for store credit, or a
 *                  coffee in a checkout's basket
 * @param otherFlag redeemMaxOnOverdraw for a capture; store credit for an expiring issuance; a SPRING coupon presented
 * @param fault     with {@link Mode#faults}: where the call dies and how long the retry waits ({@link FaultPlan})
 */
public record Step(Kind kind, int card, long amount, int pick, int time, boolean flag, boolean otherFlag, int fault) {
    public enum Kind {
        ISSUE, ISSUE_EXPIRING, STORE_CREDIT, REDEEM, HOLD, CAPTURE, RELEASE, VOID, ADVANCE, ADVANCE_TO_EVENT,
        SWEEP_CARD, SWEEP_ALL, CHECKOUT, COMPLETE, VOID_CHECKOUT, ADJUST, SWITCH
    }
}
