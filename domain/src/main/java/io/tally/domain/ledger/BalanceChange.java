package io.tally.domain.ledger;

import io.tally.domain.card.CardNumber;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Rejection;
import io.tally.domain.tenant.MerchantContext;
import java.time.Instant;
import java.util.Optional;

/**
 * The path every merchant balance change on one value type takes: check the request's context fields,
 * find the value type in the card's program, and let the writer decide and append the entry.
 */
final class BalanceChange {
    private BalanceChange() {
    }

    /** Decides the entry once the value type is known. Pure. */
    @FunctionalInterface
    interface Decision {
        Outcome<Optional<CardLedgerWriter.Draft>> decide(ValueType type, CardState state, TransactionId txn, Instant now);
    }

    static Outcome<BalanceResult> write(CardLedgerWriter writer, LoadProgramsPort programs, MerchantContext context,
                                        RequestInfo info, CardNumber card, ValueTypeKey key, String fingerprint,
                                        Optional<String> pin, Decision decision) {
        Optional<Rejection> problem = info.check();
        if (problem.isPresent()) {
            return Outcome.rejected(problem.get());
        }
        CardLedgerWriter.Target target = new CardLedgerWriter.Target(context.brand(), card,
                Origin.of(context, info, fingerprint), pin, true, info.resumeSince());
        return writer.write(target, (c, state, txn, now) -> BalanceRules.valueType(programs, c, key)
                .flatMap(type -> decision.decide(type, state, txn, now))).map(BalanceResult::of);
    }
}
