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
 * Spends value: from the spendable balance (unexpired value minus holds), buckets in {@link Bucket#SPENDING_ORDER}.
 * More than spendable is INSUFFICIENT_FUNDS, unless redeemMaxOnOverdraw: then it spends what there is and the
 * result says didOverdraw with the amount still due. With nothing spendable at all it is INSUFFICIENT_FUNDS
 * either way: an entry that moves nothing would only be noise in the card's history.
 */
public final class RedeemUseCase {
    private final CardLedgerWriter writer;
    private final LoadProgramsPort programs;

    public RedeemUseCase(CardLedgerWriter writer, LoadProgramsPort programs) {
        this.writer = writer;
        this.programs = programs;
    }

    public record RedeemCommand(MerchantContext context, RequestInfo info, CardNumber card, ValueTypeKey valueType,
                                long amount, boolean redeemMaxOnOverdraw, Optional<String> pin) {
        public RedeemCommand {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(valueType, "valueType");
            Objects.requireNonNull(pin, "pin");
        }

        String fingerprint() {
            return Fingerprint.of("redeem", card.value(), valueType.asText(), amount, redeemMaxOnOverdraw);
        }
    }

    public Outcome<BalanceResult> redeem(RedeemCommand c) {
        return BalanceChange.write(writer, programs, c.context(), c.info(), c.card(), c.valueType(), c.fingerprint(),
                c.pin(), (type, state, txn, now) -> decide(type, state, now, c));
    }

    private static Outcome<Optional<CardLedgerWriter.Draft>> decide(ValueType type, CardState state, Instant now,
                                                                   RedeemCommand c) {
        Optional<Rejection> limits = BalanceRules.redeem(type, c.amount());
        if (limits.isPresent()) {
            return Outcome.rejected(limits.get());
        }
        Balance balance = state.balance(type.key());
        Overdraw o = Overdraw.cover(c.amount(), balance.spendable(now), c.redeemMaxOnOverdraw());
        if (o == null) {
            return Outcome.rejected(Reason.INSUFFICIENT_FUNDS, "the available " + type.key() + " balance is " + type.format(balance.spendable(now)));
        }
        List<Change> takes = balance.draw(o.covered(), now, false).stream()
                .<Change>map(s -> new Change.Take(type.key(), s)).toList();
        return BalanceRules.draft(new CardLedgerWriter.Draft(EntryType.REDEEM, takes, Optional.empty(), o.due()));
    }

    /** How much of a request can be covered, and what stays due; null when the request must be refused. */
    record Overdraw(long covered, long due) {
        static Overdraw cover(long requested, long available, boolean maxOnOverdraw) {
            if (requested <= available) {
                return new Overdraw(requested, 0);
            }
            if (!maxOnOverdraw || available == 0) {
                return null;
            }
            return new Overdraw(available, requested - available);
        }
    }
}
