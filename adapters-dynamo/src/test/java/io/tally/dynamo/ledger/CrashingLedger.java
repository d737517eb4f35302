package io.tally.dynamo.ledger;

import io.tally.domain.fakes.Crash;
import io.tally.domain.fakes.ForwardingCardLedgerPort;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.ledger.LedgerEntry;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The DynamoDB ledger adapter with the in-memory fake's fault: the process dies ({@link Crash}) right after an entry
 * that matches is stored on dynalite, so the model check can kill calls after each write on the real adapter too.
 */
final class CrashingLedger extends ForwardingCardLedgerPort {
    private volatile Predicate<LedgerEntry> crashAfter = e -> false;

    CrashingLedger(CardLedgerPort delegate) {
        super(delegate);
    }

    void crashAfterAppending(Predicate<LedgerEntry> which) {
        crashAfter = which;
    }

    @Override
    public AppendOutcome append(LedgerEntry next, Optional<LedgerEntry> previous) {
        AppendOutcome outcome = delegate.append(next, previous);
        if (outcome instanceof AppendOutcome.Appended && crashAfter.test(next)) {
            throw new Crash("after appending entry " + next.sequence() + " of card " + next.card());
        }
        return outcome;
    }
}
