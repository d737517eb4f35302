package io.tally.domain.ledger;

import io.tally.domain.card.CardNumber;
import io.tally.domain.shared.Outcome;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One step of the sweeper, for one card: writes down what time has done to the card since its latest entry (the
 * RELEASE of lapsed holds and the EXPIRE of value, each dated at its own instant, see {@link Settlement}). Value
 * never leaves silently: a call on the card would have written the very same entries first. Idempotent: run again,
 * it finds nothing due and writes nothing. Runs on any card status.
 */
public final class ExpireDueUseCase {
    private final CardLedgerWriter writer;

    public ExpireDueUseCase(CardLedgerWriter writer) {
        this.writer = writer;
    }

    /** The entries written (none when nothing was due), or CONTENDED when the card stayed busy. */
    public Outcome<List<LedgerEntry>> sweep(BrandId brand, CardNumber card) {
        CardLedgerWriter.Target target = new CardLedgerWriter.Target(brand, card, Origin.system(), Optional.empty(), false);
        return writer.write(target, (c, state, txn, now) -> Outcome.accepted(Optional.empty()))
                .map(CardLedgerWriter.Written::written);
    }

    /** When the card next needs the sweeper after this entry (the adapter's due index); see {@link Settlement#nextChange}. */
    public static Optional<Instant> nextDue(LedgerEntry entry) {
        return Settlement.nextChange(entry);
    }
}
