package io.tally.dynamo.ledger;

import io.tally.domain.card.CardNumber;
import io.tally.domain.fakes.Crash;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.ledger.HistoryPage;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.LedgerId;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The DynamoDB ledger adapter with the in-memory fake's fault: the process dies ({@link Crash}) right after an entry
 * that matches is stored on dynalite, so the model check can kill calls after each write on the real adapter too.
 */
final class CrashingLedger implements CardLedgerPort {
    private final CardLedgerPort delegate;
    private volatile Predicate<LedgerEntry> crashAfter = e -> false;

    CrashingLedger(CardLedgerPort delegate) {
        this.delegate = delegate;
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

    @Override
    public Optional<LedgerEntry> head(BrandId brand, CardNumber card) {
        return delegate.head(brand, card);
    }

    @Override
    public Optional<LedgerEntry> entry(BrandId brand, CardNumber card, long sequence) {
        return delegate.entry(brand, card, sequence);
    }

    @Override
    public HistoryPage history(BrandId brand, CardNumber card, Instant from, Instant to, int pageSize,
                               Optional<String> cursor) {
        return delegate.history(brand, card, from, to, pageSize, cursor);
    }

    @Override
    public List<LedgerEntry> unrelayed(Instant before, int limit) {
        return delegate.unrelayed(before, limit);
    }

    @Override
    public void markRelayed(LedgerEntry entry) {
        delegate.markRelayed(entry);
    }

    @Override
    public boolean claimLedgerId(BrandId brand, LedgerId ledgerId, CardNumber card) {
        return delegate.claimLedgerId(brand, ledgerId, card);
    }

    @Override
    public Optional<CardNumber> cardOf(BrandId brand, LedgerId ledgerId) {
        return delegate.cardOf(brand, ledgerId);
    }

    @Override
    public int dueShards() {
        return delegate.dueShards();
    }

    @Override
    public DuePage dueCards(int shard, Instant now, int limit, Optional<String> cursor) {
        return delegate.dueCards(shard, now, limit, cursor);
    }
}
