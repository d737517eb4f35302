package io.tally.domain.fakes;

import io.tally.domain.card.CardNumber;
import io.tally.domain.engagement.CardEventStats;
import io.tally.domain.engagement.CardLedgerStats;
import io.tally.domain.engagement.CardStatsPort;
import io.tally.domain.tenant.BrandId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link CardStatsPort}, with the adapter's conditions. */
public final class InMemoryCardStats implements CardStatsPort {
    private final Map<String, CardLedgerStats> ledger = new ConcurrentHashMap<>();
    private final Map<String, CardEventStats> events = new ConcurrentHashMap<>();

    @Override
    public Optional<CardLedgerStats> ledgerStats(BrandId brand, CardNumber card) {
        return Optional.ofNullable(ledger.get(card.value())).filter(s -> s.brand().equals(brand));
    }

    @Override
    public synchronized boolean putLedgerStats(CardLedgerStats next, long previousThrough) {
        CardLedgerStats stored = ledger.get(next.card().value());
        if (stored == null ? previousThrough != 0 : stored.through() != previousThrough || !stored.brand().equals(next.brand())) {
            return false;
        }
        ledger.put(next.card().value(), next);
        return true;
    }

    @Override
    public Optional<CardEventStats> eventStats(BrandId brand, CardNumber card) {
        return Optional.ofNullable(events.get(card.value())).filter(s -> s.brand().equals(brand));
    }

    @Override
    public synchronized boolean putEventStats(CardEventStats next) {
        CardEventStats stored = events.get(next.card().value());
        if (stored != null && (stored.seen() >= next.seen() || !stored.brand().equals(next.brand()))) {
            return false;
        }
        events.put(next.card().value(), next);
        return true;
    }
}
