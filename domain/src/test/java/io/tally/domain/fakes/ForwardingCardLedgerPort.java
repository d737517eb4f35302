package io.tally.domain.fakes;

import io.tally.domain.card.CardNumber;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.ledger.HistoryPage;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.LedgerId;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A ledger port that hands every call to another one: the base of test wrappers that watch or break one call
 * (count lost races, die after an append) on the real adapter or a fake, without restating the whole port.
 */
public abstract class ForwardingCardLedgerPort implements CardLedgerPort {
    protected final CardLedgerPort delegate;

    protected ForwardingCardLedgerPort(CardLedgerPort delegate) {
        this.delegate = delegate;
    }

    @Override
    public AppendOutcome append(LedgerEntry next, Optional<LedgerEntry> previous) {
        return delegate.append(next, previous);
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
