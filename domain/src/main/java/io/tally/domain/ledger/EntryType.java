package io.tally.domain.ledger;

/** What a ledger entry did to the card. Names match the transaction types of the card history. */
public enum EntryType {
    /** Value added (one new bucket). */
    ISSUE,
    /** Value spent, directly or from a hold. */
    REDEEM,
    /** Value reserved: the balance stays, the available balance drops. */
    HOLD,
    /** Holds closed without spending (explicit release or the sweeper for expired holds). */
    RELEASE,
    /** A correction by the back office, signed, with a reason ({@link AdjustUseCase}); not voidable. */
    ADJUST,
    /** The reversal of an earlier ISSUE or REDEEM. */
    VOID,
    /** Expired value taken off the card (by the sweeper; value never disappears silently). */
    EXPIRE,
    /** The card holder enrolled in the loyalty program. */
    ENROLL,
    /**
     * A sale (checkout): every balance change of the sale on this card in one entry (value spent, points, punches and
     * counters earned or taken), with the sale itself ({@link CheckoutFacts}). The first stage of a two-stage checkout
     * is a CHECKOUT too (SETUP: its redemptions held); its completion names it as related.
     */
    CHECKOUT
}
