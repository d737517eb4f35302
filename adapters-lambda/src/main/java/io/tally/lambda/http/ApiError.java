package io.tally.lambda.http;

import io.tally.domain.shared.Reason;

/**
 * The merchant API's error codes: one stable table (docs/API.md prints it). Codes 6 and 10 and the
 * card messages are the ones integrations already know; every other code is ours. Never renumber.
 */
public enum ApiError {
    INVALID_REQUEST(1, 400, "The request is malformed."),
    UNAUTHENTICATED(2, 401, "Invalid API key or secret."),
    BRAND_MISMATCH(3, 403, "The API key may not act for this brand."),
    UNKNOWN_LOCATION(4, 403, "Unknown location."),
    UNKNOWN_TERMINAL(5, 403, "Unknown terminal."),
    NO_CARD_NUMBER(6, 400, "No card number was specified."),
    EMPLOYEE_REQUIRED(7, 403, "This brand requires an employee and employee password."),
    UNKNOWN_EMPLOYEE(8, 403, "Unknown employee or wrong employee password."),
    CARD_NOT_FOUND(9, 400, "Could not find the specified card."),
    INVALID_PIN(10, 400, "Invalid card PIN."),
    CARD_NOT_ACTIVE(11, 400, "Could not find the account that goes with the specified card."),
    UNKNOWN_CARD_SET(12, 400, "Unknown card set."),
    CARD_SET_EXHAUSTED(13, 400, "The card set has no unallocated cards left."),
    CARD_ALREADY_ALLOCATED(14, 400, "The card is already allocated."),
    UNKNOWN_VALUE_TYPE(15, 400, "The card's program has no such value type."),
    INSUFFICIENT_FUNDS(16, 400, "Insufficient funds."),
    AMOUNT_BELOW_MINIMUM(17, 400, "The amount is below the minimum for this value type."),
    AMOUNT_ABOVE_MAXIMUM(18, 400, "The amount is above the maximum for this value type."),
    BALANCE_LIMIT_EXCEEDED(19, 400, "The balance would exceed the maximum for this value type."),
    INVALID_AMOUNT(20, 400, "Invalid amount."),
    HOLD_NOT_FOUND(21, 400, "Could not find the specified hold."),
    HOLD_CLOSED(22, 400, "The hold has been released or has expired."),
    TRANSACTION_NOT_FOUND(23, 400, "Could not find the specified transaction."),
    NOT_VOIDABLE(24, 400, "The transaction cannot be voided."),
    ALREADY_VOIDED(25, 400, "The transaction has already been voided."),
    REQUEST_ID_REUSED(26, 400, "The customRequestId was already used for a different request."),
    CONTENDED(27, 409, "The card is busy; retry the request with the same customRequestId."),
    UNKNOWN_METHOD(28, 404, "Unknown method."),
    RATE_LIMITED(29, 429, "Too many requests."),
    INTERNAL(30, 500, "Internal error; the request may be retried with the same customRequestId."),
    CARD_CAPACITY_EXCEEDED(31, 400, "The card holds too many separate value buckets or open holds (per balance or in all)."),
    IN_PROGRESS(32, 409, "A request with this customRequestId is still in progress; retry it in a few seconds."),
    COUPON_NOT_FOUND(33, 400, "Could not find the specified coupon."),
    COUPON_USED(34, 400, "The coupon has already been used."),
    COUPON_EXPIRED(35, 400, "The coupon is not valid at this time."),
    COUPON_OTHER_CARD(36, 400, "The coupon is restricted to another card."),
    COUPON_IN_USE(37, 409, "The coupon is being used by another checkout; retry in a few seconds."),
    UNKNOWN_COUPON_SET(38, 400, "Unknown coupon set."),
    COUPON_SET_EXHAUSTED(39, 400, "The coupon set has no unallocated coupons left."),
    CHECKOUT_NOT_FOUND(40, 400, "Could not find the specified checkout."),
    CHECKOUT_CLOSED(41, 400, "The checkout setup has been completed, voided or has expired."),
    UNKNOWN_EVENT_CATEGORY(42, 400, "Unknown event category.");

    private final int code;
    private final int httpStatus;
    private final String message;

    ApiError(int code, int httpStatus, String message) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.message = message;
    }

    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String message() {
        return message;
    }

    /** The one mapping from the domain's rejections to the wire; exhaustive, so a new reason cannot slip through. */
    public static ApiError of(Reason reason) {
        return switch (reason) {
            case UNAUTHENTICATED -> UNAUTHENTICATED;
            case BRAND_MISMATCH -> BRAND_MISMATCH;
            case UNKNOWN_LOCATION -> UNKNOWN_LOCATION;
            case UNKNOWN_TERMINAL -> UNKNOWN_TERMINAL;
            case EMPLOYEE_REQUIRED -> EMPLOYEE_REQUIRED;
            case UNKNOWN_EMPLOYEE -> UNKNOWN_EMPLOYEE;
            case INVALID_REQUEST -> INVALID_REQUEST;
            case NO_CARD_NUMBER -> NO_CARD_NUMBER;
            case CARD_NOT_FOUND -> CARD_NOT_FOUND;
            case CARD_NOT_ACTIVE -> CARD_NOT_ACTIVE;
            case INVALID_PIN -> INVALID_PIN;
            case UNKNOWN_CARD_SET -> UNKNOWN_CARD_SET;
            case CARD_SET_EXHAUSTED -> CARD_SET_EXHAUSTED;
            case CARD_ALREADY_ALLOCATED -> CARD_ALREADY_ALLOCATED;
            case UNKNOWN_VALUE_TYPE -> UNKNOWN_VALUE_TYPE;
            case INSUFFICIENT_FUNDS -> INSUFFICIENT_FUNDS;
            case AMOUNT_BELOW_MINIMUM -> AMOUNT_BELOW_MINIMUM;
            case AMOUNT_ABOVE_MAXIMUM -> AMOUNT_ABOVE_MAXIMUM;
            case BALANCE_LIMIT_EXCEEDED -> BALANCE_LIMIT_EXCEEDED;
            case INVALID_AMOUNT -> INVALID_AMOUNT;
            case HOLD_NOT_FOUND -> HOLD_NOT_FOUND;
            case HOLD_CLOSED -> HOLD_CLOSED;
            case TRANSACTION_NOT_FOUND -> TRANSACTION_NOT_FOUND;
            case NOT_VOIDABLE -> NOT_VOIDABLE;
            case ALREADY_VOIDED -> ALREADY_VOIDED;
            case REQUEST_ID_REUSED -> REQUEST_ID_REUSED;
            case CONTENDED -> CONTENDED;
            case CARD_CAPACITY_EXCEEDED -> CARD_CAPACITY_EXCEEDED;
            case COUPON_NOT_FOUND -> COUPON_NOT_FOUND;
            case COUPON_USED -> COUPON_USED;
            case COUPON_EXPIRED -> COUPON_EXPIRED;
            case COUPON_OTHER_CARD -> COUPON_OTHER_CARD;
            case COUPON_IN_USE -> COUPON_IN_USE;
            case UNKNOWN_COUPON_SET -> UNKNOWN_COUPON_SET;
            case COUPON_SET_EXHAUSTED -> COUPON_SET_EXHAUSTED;
            case CHECKOUT_NOT_FOUND -> CHECKOUT_NOT_FOUND;
            case CHECKOUT_CLOSED -> CHECKOUT_CLOSED;
            case UNKNOWN_EVENT_CATEGORY -> UNKNOWN_EVENT_CATEGORY;
        };
    }
}
