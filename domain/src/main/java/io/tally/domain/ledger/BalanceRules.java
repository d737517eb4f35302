package io.tally.domain.ledger;

import io.tally.domain.card.Card;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.program.ValueTypeLimits;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.domain.shared.Rejection;
import java.util.Optional;

/** The limit policies of balance changes: each returns the rejection, or empty when the change is allowed. */
final class BalanceRules {
    private BalanceRules() {
    }

    /** The card's program's value type with this key; a card has balances only of its own program's value types. */
    static Outcome<ValueType> valueType(LoadProgramsPort programs, Card card, ValueTypeKey key) {
        return programs.catalogue(card.brand()).valueTypes().stream()
                .filter(v -> v.program().equals(card.program()) && v.key().equals(key))
                .findFirst()
                .<Outcome<ValueType>>map(Outcome::accepted)
                .orElseGet(() -> Outcome.rejected(Reason.UNKNOWN_VALUE_TYPE, key + " is not a value type of the card's program"));
    }

    static Optional<Rejection> amount(long amount) {
        if (amount < 1 || amount > LedgerLimits.MAX_AMOUNT) {
            return reject(Reason.INVALID_AMOUNT, "amount must be positive and at most " + LedgerLimits.MAX_AMOUNT);
        }
        return Optional.empty();
    }

    static Optional<Rejection> issue(ValueType type, Balance balance, long amount) {
        ValueTypeLimits l = type.limits();
        Optional<Rejection> shape = amount(amount);
        if (shape.isPresent()) {
            return shape;
        }
        if (l.minIssue() > 0 && amount < l.minIssue()) {
            return reject(Reason.AMOUNT_BELOW_MINIMUM, "issuances of " + type.key() + " are at least " + l.minIssue());
        }
        if (l.maxIssue() > 0 && amount > l.maxIssue()) {
            return reject(Reason.AMOUNT_ABOVE_MAXIMUM, "issuances of " + type.key() + " are at most " + l.maxIssue());
        }
        long max = l.maxBalance() > 0 ? Math.min(l.maxBalance(), LedgerLimits.MAX_AMOUNT) : LedgerLimits.MAX_AMOUNT;
        if (balance.total() + amount > max) {
            return reject(Reason.BALANCE_LIMIT_EXCEEDED, type.key() + " balances are at most " + max);
        }
        if (balance.buckets().size() >= LedgerLimits.MAX_BUCKETS_PER_BALANCE) {
            return reject(Reason.CARD_CAPACITY_EXCEEDED, "the card holds " + LedgerLimits.MAX_BUCKETS_PER_BALANCE
                    + " separate issuances of " + type.key() + "; spend or expire some first");
        }
        return Optional.empty();
    }

    /** Redemptions and holds (a hold is a redemption not yet completed). */
    static Optional<Rejection> redeem(ValueType type, long amount) {
        ValueTypeLimits l = type.limits();
        Optional<Rejection> shape = amount(amount);
        if (shape.isPresent()) {
            return shape;
        }
        if (l.minRedeem() > 0 && amount < l.minRedeem()) {
            return reject(Reason.AMOUNT_BELOW_MINIMUM, "redemptions of " + type.key() + " are at least " + l.minRedeem());
        }
        if (l.maxRedeem() > 0 && amount > l.maxRedeem()) {
            return reject(Reason.AMOUNT_ABOVE_MAXIMUM, "redemptions of " + type.key() + " are at most " + l.maxRedeem());
        }
        return Optional.empty();
    }

    static Optional<Rejection> reject(Reason reason, String detail) {
        return Optional.of(Rejection.of(reason, detail));
    }

    static <T> Outcome<T> rejected(Rejection r) {
        return Outcome.rejected(r);
    }

    static Outcome<Optional<CardLedgerWriter.Draft>> draft(CardLedgerWriter.Draft draft) {
        return Outcome.accepted(Optional.of(draft));
    }
}
