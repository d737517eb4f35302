package io.tally.domain.model;

/**
 * Why the model turns a request down, named like the ledger's rejections so that the check can compare names
 * (the model keeps its own vocabulary instead of importing the production enum, so that nothing of the code under
 * test leaks into it). Each maps to an error code of docs/API.md.
 */
public enum Refusal {
    /** 1: an expiry or lapse not in the future, or a lapse more than 31 days ahead. */
    INVALID_REQUEST,
    /** 11: the card is switched off (INACTIVE): no money moves on it. */
    CARD_NOT_ACTIVE,
    /** 14: an adjustment would take the balance above the value type's maximum (never met: the check's value type has none). */
    BALANCE_LIMIT_EXCEEDED,
    /** 16: more than is available (or than the hold reserves), without redeemMaxOnOverdraw or with nothing at all. */
    INSUFFICIENT_FUNDS,
    /** 21: no such hold on this card. */
    HOLD_NOT_FOUND,
    /** 22: the hold was released, used up or has lapsed. */
    HOLD_CLOSED,
    /** 23: no such transaction on this card. */
    TRANSACTION_NOT_FOUND,
    /** 24: not an issuance or redemption, or an issuance that can no longer be taken back. */
    NOT_VOIDABLE,
    /** 25: voided before. */
    ALREADY_VOIDED,
    /** 34: the coupon was used by a checkout that stands. */
    COUPON_USED,
    /** 37: another checkout holds the coupon (an open setup, or one that died within its lease). */
    COUPON_IN_USE,
    /** 40: no checkout setup of this card by that id. */
    CHECKOUT_NOT_FOUND,
    /** 41: the setup was completed or voided, has lapsed, or its hold was released or captured by other means. */
    CHECKOUT_CLOSED
}
