package io.tally.domain.ledger;

import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.domain.shared.Rejection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The balance side of a checkout on a card: which changes its one CHECKOUT entry makes. Pure. Value spent
 * (redemptions) and value the campaigns take (a punch card's reset) come from the spendable balance in spending order,
 * one draw per value type; value earned is issued like an issuance (a new bucket, or a top-up when the card has no
 * room). A SETUP holds its redemptions (one hold per value type, named after the setup, lapsing with it) and earns
 * nothing yet; its completion captures the holds in full and applies what the setup's evaluation earned.
 */
public final class CheckoutLedger {
    private CheckoutLedger() {
    }

    /**
     * The changes of a single-stage checkout ({@code holdUntil} empty) or of a setup ({@code holdUntil} its expiry).
     *
     * @param redemptions value spent per value type, minor units (positive)
     * @param earned      the campaigns' net change per value type, minor units (signed)
     */
    public static Outcome<List<Change>> changes(CardState state, TransactionId txn, Instant now,
                                                Map<ValueTypeKey, ValueType> types, Map<ValueTypeKey, Long> redemptions,
                                                Map<ValueTypeKey, Long> earned, Optional<Instant> holdUntil) {
        List<Change> changes = new ArrayList<>();
        Map<ValueTypeKey, Long> taken = new LinkedHashMap<>();
        for (Map.Entry<ValueTypeKey, Long> r : redemptions.entrySet()) {
            ValueType type = types.get(r.getKey());
            if (type == null) {
                return Outcome.rejected(Reason.UNKNOWN_VALUE_TYPE, r.getKey() + " is not a value type of the card's program");
            }
            Optional<Rejection> limits = BalanceRules.redeem(type, r.getValue());
            if (limits.isPresent()) {
                return Outcome.rejected(limits.get());
            }
            taken.merge(r.getKey(), r.getValue(), Long::sum);
        }
        if (holdUntil.isPresent()) {
            for (Map.Entry<ValueTypeKey, Long> r : taken.entrySet()) {
                Balance balance = state.balance(r.getKey());
                if (balance.spendable(now) < r.getValue()) {
                    return insufficient(r.getKey(), balance, now, types);
                }
                Optional<Rejection> room = BalanceRules.roomForHold(state, balance);
                if (room.isPresent()) {
                    return Outcome.rejected(room.get());
                }
                changes.add(new Change.OpenHold(r.getKey(), new Hold(txn, state.sequence() + 1, r.getValue(), r.getValue(),
                        holdUntil.get())));
            }
            return Outcome.accepted(changes);
        }
        earned.forEach((key, delta) -> {
            if (delta < 0) {
                taken.merge(key, -delta, Long::sum);
            }
        });
        for (Map.Entry<ValueTypeKey, Long> t : taken.entrySet()) {
            Balance balance = state.balance(t.getKey());
            if (balance.spendable(now) < t.getValue()) {
                return insufficient(t.getKey(), balance, now, types);
            }
            balance.draw(t.getValue(), now, false).forEach(s -> changes.add(new Change.Take(t.getKey(), s)));
        }
        return issue(state, txn, types, earned, changes);
    }

    /**
     * The changes completing {@code setup}: every hold it opened captured in full (still open and untouched: otherwise
     * the setup has lapsed or was voided: CHECKOUT_CLOSED), then what its evaluation earned.
     */
    public static Outcome<List<Change>> completion(CardState state, LedgerEntry setup, TransactionId txn, Instant now,
                                                   Map<ValueTypeKey, ValueType> types, Map<ValueTypeKey, Long> earned) {
        List<Change> changes = new ArrayList<>();
        for (Change c : setup.posting().changes()) {
            if (c instanceof Change.OpenHold open) {
                Optional<Hold> hold = state.balance(open.key()).hold(open.hold().id());
                if (hold.isEmpty() || hold.get().remaining() != open.hold().amount() || hold.get().isDue(now)) {
                    return Outcome.rejected(Reason.CHECKOUT_CLOSED, "the setup's hold on " + open.key() + " was released or has expired");
                }
                changes.add(new Change.ReduceHold(open.key(), open.hold().id(), open.hold().amount()));
                state.balance(open.key()).draw(open.hold().amount(), now, true)
                        .forEach(s -> changes.add(new Change.Take(open.key(), s)));
            }
        }
        Map<ValueTypeKey, Long> take = new LinkedHashMap<>();
        earned.forEach((key, delta) -> {
            if (delta < 0) {
                take.merge(key, -delta, Long::sum);
            }
        });
        for (Map.Entry<ValueTypeKey, Long> t : take.entrySet()) {
            Balance balance = state.balance(t.getKey());
            long capturedHere = changes.stream().filter(c -> c instanceof Change.Take && c.key().equals(t.getKey()))
                    .mapToLong(c -> -c.balanceDelta()).sum();
            if (capturedHere > 0) {
                // a counter the campaigns take from is never the value type the basket was paid with in practice;
                // refusing keeps one draw per value type (two draws from one balance would overlap)
                return Outcome.rejected(Reason.INVALID_REQUEST, "a checkout cannot both pay with and take campaign value from " + t.getKey());
            }
            if (balance.spendable(now) < t.getValue()) {
                return insufficient(t.getKey(), balance, now, types);
            }
            balance.draw(t.getValue(), now, false).forEach(s -> changes.add(new Change.Take(t.getKey(), s)));
        }
        return issue(state, txn, types, earned, changes);
    }

    private static Outcome<List<Change>> issue(CardState state, TransactionId txn, Map<ValueTypeKey, ValueType> types,
                                               Map<ValueTypeKey, Long> earned, List<Change> changes) {
        for (Map.Entry<ValueTypeKey, Long> e : earned.entrySet()) {
            if (e.getValue() <= 0) {
                continue;
            }
            ValueType type = types.get(e.getKey());
            if (type == null) {
                return Outcome.rejected(Reason.UNKNOWN_VALUE_TYPE, e.getKey() + " is not a value type of the card's program");
            }
            Optional<Rejection> limits = BalanceRules.issue(type, state.balance(e.getKey()), e.getValue());
            if (limits.isPresent()) {
                return Outcome.rejected(limits.get());
            }
            Outcome<Change> placed = BalanceRules.placement(state, e.getKey(),
                    new Bucket(txn, e.getValue(), e.getValue(), Optional.empty(), false));
            if (!placed.isAccepted()) {
                return Outcome.rejected(((Outcome.Rejected<Change>) placed).rejection());
            }
            changes.add(placed.value());
        }
        return Outcome.accepted(changes);
    }

    private static <T> Outcome<T> insufficient(ValueTypeKey key, Balance balance, Instant now, Map<ValueTypeKey, ValueType> types) {
        long available = balance.spendable(now);
        String amount = types.containsKey(key) ? types.get(key).format(available) : Long.toString(available);
        return Outcome.rejected(Reason.INSUFFICIENT_FUNDS, "the available " + key + " balance is " + amount);
    }
}
