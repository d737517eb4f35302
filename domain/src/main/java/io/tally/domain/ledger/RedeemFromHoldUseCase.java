package io.tally.domain.ledger;

import io.tally.domain.card.CardNumber;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.shared.Fingerprint;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.domain.shared.Rejection;
import io.tally.domain.tenant.MerchantContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Captures (part of) a hold: spends from the reserved value, possibly several times, until the hold is empty,
 * released ({@code releaseHoldRemainder}) or expired. A capture can spend at most what the hold still reserves;
 * beyond that it is INSUFFICIENT_FUNDS, or with redeemMaxOnOverdraw the rest is reported as still due.
 * Amount 0 with releaseHoldRemainder releases the hold (Clutch's way of cancelling an authorisation): a RELEASE entry.
 */
public final class RedeemFromHoldUseCase {
    private final CardLedgerWriter writer;
    private final LoadProgramsPort programs;
    private final CardLedgerPort ledger;

    public RedeemFromHoldUseCase(CardLedgerWriter writer, LoadProgramsPort programs, CardLedgerPort ledger) {
        this.writer = writer;
        this.programs = programs;
        this.ledger = ledger;
    }

    public record RedeemFromHoldCommand(MerchantContext context, RequestInfo info, CardNumber card,
                                        ValueTypeKey valueType, TransactionId hold, long amount,
                                        boolean releaseHoldRemainder, boolean redeemMaxOnOverdraw,
                                        Optional<String> pin) {
        public RedeemFromHoldCommand {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(valueType, "valueType");
            Objects.requireNonNull(hold, "hold");
            Objects.requireNonNull(pin, "pin");
        }

        String fingerprint() {
            return Fingerprint.of("redeemFromHold", card.value(), valueType.asText(), hold.value(), amount,
                    releaseHoldRemainder, redeemMaxOnOverdraw);
        }
    }

    public Outcome<BalanceResult> redeem(RedeemFromHoldCommand c) {
        if (c.amount() < 0 || (c.amount() == 0 && !c.releaseHoldRemainder())) {
            return Outcome.rejected(Reason.INVALID_AMOUNT, "amount must be positive (0 only to release the hold)");
        }
        return BalanceChange.write(writer, programs, c.context(), c.info(), c.card(), c.valueType(), c.fingerprint(),
                c.pin(), (type, state, txn, now) -> decide(type, state, now, c));
    }

    private Outcome<Optional<CardLedgerWriter.Draft>> decide(ValueType type, CardState state, Instant now,
                                                            RedeemFromHoldCommand c) {
        Optional<Map.Entry<ValueTypeKey, Hold>> open = state.openHold(c.hold());
        if (open.isEmpty() || !open.get().getKey().equals(type.key())) {
            return Outcome.rejected(closedOrUnknown(c, open.isPresent()));
        }
        Hold hold = open.get().getValue();
        Reference related = new Reference(hold.id(), hold.sequence());
        if (c.amount() == 0) {
            return BalanceRules.draft(new CardLedgerWriter.Draft(EntryType.RELEASE,
                    List.of(new Change.ReduceHold(type.key(), hold.id(), hold.remaining())), Optional.of(related), 0));
        }
        Optional<Rejection> limits = BalanceRules.redeem(type, c.amount());
        if (limits.isPresent()) {
            return Outcome.rejected(limits.get());
        }
        RedeemUseCase.Overdraw o = RedeemUseCase.Overdraw.cover(c.amount(), hold.remaining(), c.redeemMaxOnOverdraw());
        if (o == null) {
            return Outcome.rejected(Reason.INSUFFICIENT_FUNDS, "the hold reserves " + type.format(hold.remaining()) + " " + type.key());
        }
        // Expired value the holds keep (Settlement) may only be spent by a capture, and it comes first (earliest expiry).
        // The hold shrinks before the value leaves: the invariant (holds <= balance) holds after every change.
        List<Change> changes = new ArrayList<>();
        long reduce = c.releaseHoldRemainder() ? hold.remaining() : o.covered();
        changes.add(new Change.ReduceHold(type.key(), hold.id(), reduce));
        state.balance(type.key()).draw(o.covered(), now, true).forEach(s -> changes.add(new Change.Take(type.key(), s)));
        return BalanceRules.draft(new CardLedgerWriter.Draft(EntryType.REDEEM, changes, Optional.of(related), o.due()));
    }

    /** A HOLD, or a checkout setup, which holds its redemptions under its own id. */
    private static boolean opensHold(LedgerEntry e) {
        return e.type() == EntryType.HOLD
                || e.type() == EntryType.CHECKOUT && e.posting().changes().stream().anyMatch(ch -> ch instanceof Change.OpenHold);
    }

    /** Tells a hold that existed on this card (now closed) from one that never did; only read on this failure path. */
    private Rejection closedOrUnknown(RedeemFromHoldCommand c, boolean otherValueType) {
        if (!otherValueType) {
            boolean wasHere = ledger.byTransactionId(c.context().brand(), c.hold())
                    .filter(e -> e.card().equals(c.card()) && opensHold(e)).isPresent();
            if (wasHere) {
                return Rejection.of(Reason.HOLD_CLOSED, "hold " + c.hold() + " was already released, spent or expired");
            }
        }
        return Rejection.of(Reason.HOLD_NOT_FOUND, "no hold " + c.hold() + " of " + c.valueType() + " on this card");
    }
}
