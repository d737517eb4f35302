package io.tally.domain.model;

/**
 * What a model-check run lets happen besides the merchant's operations.
 *
 * @param timeReachesEvents the clock may reach and pass expiries and lapses (off: it always stops short of the
 *                          earliest one, so the rules for time are never exercised: the baseline that must agree
 *                          with any code whose plain money rules are right)
 * @param sweeps            the expiry sweeper runs at random moments
 * @param faults            calls die right after a ledger write and are retried with the same customRequestId
 */
public record Mode(boolean timeReachesEvents, boolean sweeps, boolean faults) {
    public static final Mode TIMELESS = new Mode(false, false, false);
    public static final Mode TIMELESS_WITH_FAULTS = new Mode(false, false, true);
    public static final Mode TIME = new Mode(true, true, false);
    public static final Mode FAULTS = new Mode(true, true, true);
}
