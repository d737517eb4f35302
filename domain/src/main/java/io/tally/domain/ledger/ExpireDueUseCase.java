package io.tally.domain.ledger;

import io.tally.domain.card.CardNumber;
import io.tally.domain.shared.Outcome;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One step of the sweeper, for one card: first a RELEASE entry closing every hold past its expiry, then an
 * EXPIRE entry taking off every bucket past its expiry. Value never leaves silently: until this runs, due
 * value is merely not spendable. Held value is protected from expiry (a merchant who authorised a purchase
 * can still capture it), so only due value beyond the holds is expired; the rest goes once the hold closes.
 * Idempotent: run again, it finds nothing due and writes nothing. Runs on any card status.
 */
public final class ExpireDueUseCase {
    private final CardLedgerWriter writer;

    public ExpireDueUseCase(CardLedgerWriter writer) {
        this.writer = writer;
    }

    /** The entries written (0, 1 or 2), or CONTENDED when the card stayed busy. */
    public Outcome<List<LedgerEntry>> sweep(BrandId brand, CardNumber card) {
        CardLedgerWriter.Target target = new CardLedgerWriter.Target(brand, card, Origin.system(), Optional.empty(), false);
        List<LedgerEntry> written = new ArrayList<>();
        Outcome<CardLedgerWriter.Written> released = writer.write(target, (c, state, txn, now) -> releaseDueHolds(state, now));
        if (!released.isAccepted()) {
            return released.map(w -> written);
        }
        released.value().entry().ifPresent(written::add);
        Outcome<CardLedgerWriter.Written> expired = writer.write(target, (c, state, txn, now) -> expireDueValue(state, now));
        if (!expired.isAccepted()) {
            return expired.map(w -> written);
        }
        expired.value().entry().ifPresent(written::add);
        return Outcome.accepted(List.copyOf(written));
    }

    static Outcome<Optional<CardLedgerWriter.Draft>> releaseDueHolds(CardState state, Instant now) {
        List<Change> changes = new ArrayList<>();
        for (Balance b : state.balanceList()) {
            b.holds().stream().filter(h -> h.isDue(now))
                    .forEach(h -> changes.add(new Change.ReduceHold(b.key(), h.id(), h.remaining())));
        }
        return Outcome.accepted(changes.isEmpty() ? Optional.empty() : Optional.of(CardLedgerWriter.Draft.of(EntryType.RELEASE, changes)));
    }

    static Outcome<Optional<CardLedgerWriter.Draft>> expireDueValue(CardState state, Instant now) {
        List<Change> changes = new ArrayList<>();
        for (Balance b : state.balanceList()) {
            long amount = b.expirable(now);
            if (amount > 0) {
                b.draw(amount, now, true).forEach(s -> changes.add(new Change.Take(b.key(), s)));
            }
        }
        return Outcome.accepted(changes.isEmpty() ? Optional.empty() : Optional.of(CardLedgerWriter.Draft.of(EntryType.EXPIRE, changes)));
    }

    /** When this card next needs the sweeper (earliest bucket or hold expiry), for the adapter's sweep index. */
    public static Optional<Instant> nextDue(CardState state) {
        return state.balances().values().stream()
                .flatMap(b -> java.util.stream.Stream.concat(
                        b.buckets().stream().flatMap(x -> x.expiresAt().stream()),
                        b.holds().stream().map(Hold::expiresAt)))
                .min(Instant::compareTo);
    }
}
