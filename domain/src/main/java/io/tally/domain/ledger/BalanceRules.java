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
            return reject(Reason.AMOUNT_BELOW_MINIMUM, "issuances of " + type.key() + " are at least " + type.format(l.minIssue()));
        }
        if (l.maxIssue() > 0 && amount > l.maxIssue()) {
            return reject(Reason.AMOUNT_ABOVE_MAXIMUM, "issuances of " + type.key() + " are at most " + type.format(l.maxIssue()));
        }
        long max = l.maxBalance() > 0 ? Math.min(l.maxBalance(), LedgerLimits.MAX_AMOUNT) : LedgerLimits.MAX_AMOUNT;
        if (balance.total() + amount > max) {
            return reject(Reason.BALANCE_LIMIT_EXCEEDED, type.key() + " balances are at most " + type.format(max));
        }
        return Optional.empty();
    }

    /**
     * Where an issuance goes: a new bucket while the balance and the card have room for one; otherwise a top-up
     * of the balance's newest bucket of the same class ({@link Balance#newestOfClass}), so that a card earning
     * the same kind of value again and again never runs out of room; CARD_CAPACITY_EXCEEDED only when every
     * bucket differs from it in expiry or store-credit flag.
     */
    static Outcome<Change> placement(CardState state, ValueTypeKey key, Bucket fresh) {
        Balance balance = state.balance(key);
        Optional<Rejection> room = roomForBuckets(state, balance, 1, 1);
        if (room.isEmpty()) {
            return Outcome.accepted(new Change.AddBucket(key, fresh));
        }
        return balance.newestOfClass(fresh.expiresAt(), fresh.returnRelated())
                .<Outcome<Change>>map(b -> Outcome.accepted(new Change.TopUp(key, b.source(), fresh.issued())))
                .orElseGet(() -> Outcome.rejected(Rejection.of(Reason.CARD_CAPACITY_EXCEEDED, room.get().detail()
                        + ", none of them with this issuance's expiry and store-credit flag to add it to")));
    }

    /** Whether {@code added} more buckets fit this balance, and {@code addedToCard} more (all balances) the card. */
    static Optional<Rejection> roomForBuckets(CardState state, Balance balance, int added, int addedToCard) {
        if (balance.buckets().size() + added > LedgerLimits.MAX_BUCKETS_PER_BALANCE) {
            return reject(Reason.CARD_CAPACITY_EXCEEDED, "the card holds " + balance.buckets().size()
                    + " value buckets of " + balance.key() + " (at most " + LedgerLimits.MAX_BUCKETS_PER_BALANCE + ")");
        }
        if (state.bucketCount() + addedToCard > LedgerLimits.MAX_BUCKETS_PER_CARD) {
            return reject(Reason.CARD_CAPACITY_EXCEEDED, "the card holds " + state.bucketCount()
                    + " value buckets across its balances (at most " + LedgerLimits.MAX_BUCKETS_PER_CARD + ")");
        }
        return Optional.empty();
    }

    /** Whether one more hold fits this balance and the card. */
    static Optional<Rejection> roomForHold(CardState state, Balance balance) {
        if (balance.holds().size() >= LedgerLimits.MAX_HOLDS_PER_BALANCE) {
            return reject(Reason.CARD_CAPACITY_EXCEEDED, "the card has " + LedgerLimits.MAX_HOLDS_PER_BALANCE
                    + " open holds on " + balance.key());
        }
        if (state.holdCount() >= LedgerLimits.MAX_HOLDS_PER_CARD) {
            return reject(Reason.CARD_CAPACITY_EXCEEDED, "the card has " + LedgerLimits.MAX_HOLDS_PER_CARD + " open holds");
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
            return reject(Reason.AMOUNT_BELOW_MINIMUM, "redemptions of " + type.key() + " are at least " + type.format(l.minRedeem()));
        }
        if (l.maxRedeem() > 0 && amount > l.maxRedeem()) {
            return reject(Reason.AMOUNT_ABOVE_MAXIMUM, "redemptions of " + type.key() + " are at most " + type.format(l.maxRedeem()));
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
