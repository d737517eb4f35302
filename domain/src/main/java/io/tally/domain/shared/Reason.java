package io.tally.domain.shared;

/**
 * Why a request was turned down. Stable: the merchant API maps each one to an error code that
 * integrations may branch on (see docs/API.md), so never renumber or reuse a retired name.
 */
public enum Reason {
    // credentials and context
    UNAUTHENTICATED,
    BRAND_MISMATCH,
    UNKNOWN_LOCATION,
    UNKNOWN_TERMINAL,
    EMPLOYEE_REQUIRED,
    UNKNOWN_EMPLOYEE,
    // request shape
    INVALID_REQUEST,
    // cards
    NO_CARD_NUMBER,
    CARD_NOT_FOUND,
    CARD_NOT_ACTIVE,
    INVALID_PIN,
    UNKNOWN_CARD_SET,
    CARD_SET_EXHAUSTED,
    CARD_ALREADY_ALLOCATED,
    // balances
    UNKNOWN_VALUE_TYPE,
    INSUFFICIENT_FUNDS,
    AMOUNT_BELOW_MINIMUM,
    AMOUNT_ABOVE_MAXIMUM,
    BALANCE_LIMIT_EXCEEDED,
    INVALID_AMOUNT,
    HOLD_NOT_FOUND,
    HOLD_CLOSED,
    TRANSACTION_NOT_FOUND,
    NOT_VOIDABLE,
    ALREADY_VOIDED,
    /** The card would carry more open holds or value buckets than the ledger allows (see CardState limits). */
    CARD_CAPACITY_EXCEEDED,
    // idempotency and concurrency
    REQUEST_ID_REUSED,
    CONTENDED,
    // coupons and checkout (issue 11)
    COUPON_NOT_FOUND,
    COUPON_USED,
    /** Outside the coupon's validity window (expired or not yet valid). */
    COUPON_EXPIRED,
    /** Restricted to other cards (or presented without a card). */
    COUPON_OTHER_CARD,
    /** Reserved by another checkout in progress: retry shortly. */
    COUPON_IN_USE,
    UNKNOWN_COUPON_SET,
    COUPON_SET_EXHAUSTED,
    CHECKOUT_NOT_FOUND,
    /** A setup stage that was completed, voided or has expired. */
    CHECKOUT_CLOSED,
    // events (issue 14)
    /** The brand has no event definition of that category (another brand's categories are unknown too). */
    UNKNOWN_EVENT_CATEGORY
}
