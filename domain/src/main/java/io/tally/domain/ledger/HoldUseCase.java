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
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reserves value (a pre-authorisation): the balance stays, the available balance drops. Redemption limits
 * apply, since a hold is a redemption not yet completed. The hold expires by itself after {@code expiresAt}
 * (default {@link LedgerLimits#DEFAULT_HOLD}, at most {@link LedgerLimits#MAX_HOLD}): released as of that instant ({@link Settlement}).
 */
public final class HoldUseCase {
    private final CardLedgerWriter writer;
    private final LoadProgramsPort programs;

    public HoldUseCase(CardLedgerWriter writer, LoadProgramsPort programs) {
        this.writer = writer;
        this.programs = programs;
    }

    public record HoldCommand(MerchantContext context, RequestInfo info, CardNumber card, ValueTypeKey valueType,
                              long amount, Optional<Instant> expiresAt, boolean redeemMaxOnOverdraw,
                              Optional<String> pin) {
        public HoldCommand {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(valueType, "valueType");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(pin, "pin");
        }

        String fingerprint() {
            return Fingerprint.of("hold", card.value(), valueType.asText(), amount,
                    expiresAt.map(Instant::toString).orElse(""), redeemMaxOnOverdraw);
        }
    }

    public Outcome<BalanceResult> hold(HoldCommand c) {
        return BalanceChange.write(writer, programs, c.context(), c.info(), c.card(), c.valueType(), c.fingerprint(),
                c.pin(), (type, state, txn, now) -> decide(type, state, txn, now, c));
    }

    private static Outcome<Optional<CardLedgerWriter.Draft>> decide(ValueType type, CardState state, TransactionId txn,
                                                                   Instant now, HoldCommand c) {
        Instant expiresAt = c.expiresAt().orElse(now.plus(LedgerLimits.DEFAULT_HOLD));
        if (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(LedgerLimits.MAX_HOLD))) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "a hold expires in the future, within " + LedgerLimits.MAX_HOLD.toDays() + " days");
        }
        Optional<Rejection> limits = BalanceRules.redeem(type, c.amount());
        if (limits.isPresent()) {
            return Outcome.rejected(limits.get());
        }
        Balance balance = state.balance(type.key());
        Optional<Rejection> room = BalanceRules.roomForHold(state, balance);
        if (room.isPresent()) {
            return Outcome.rejected(room.get());
        }
        RedeemUseCase.Overdraw o = RedeemUseCase.Overdraw.cover(c.amount(), balance.spendable(now), c.redeemMaxOnOverdraw());
        if (o == null) {
            return Outcome.rejected(Reason.INSUFFICIENT_FUNDS, "the available " + type.key() + " balance is " + type.format(balance.spendable(now)));
        }
        Hold hold = new Hold(txn, state.sequence() + 1, o.covered(), o.covered(), expiresAt);
        return BalanceRules.draft(new CardLedgerWriter.Draft(EntryType.HOLD, List.of(new Change.OpenHold(type.key(), hold)),
                Optional.empty(), o.due()));
    }
}
