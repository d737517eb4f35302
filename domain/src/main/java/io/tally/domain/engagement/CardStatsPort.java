package io.tally.domain.engagement;

import io.tally.domain.card.CardNumber;
import io.tally.domain.tenant.BrandId;
import java.util.Optional;

/**
 * A card's statistics (issue 14: spend, orders, items, visits, events by category and sentiment, last activity), kept
 * by the events consumer exactly once per ledger entry and per recorded event although SQS delivers at least once and
 * in any order: each part moves only by a write conditional on what it was computed from.
 */
public interface CardStatsPort {
    /** The ledger part, strongly consistent; empty before the card's first entry was folded in. */
    Optional<CardLedgerStats> ledgerStats(BrandId brand, CardNumber card);

    /** Stores {@code next} only if the stored part is still the fold through {@code previousThrough} (0: none stored). */
    boolean putLedgerStats(CardLedgerStats next, long previousThrough);

    /** The events part, strongly consistent. */
    Optional<CardEventStats> eventStats(BrandId brand, CardNumber card);

    /** Stores {@code next} only if nothing is stored or what is stored counted fewer events; false otherwise. */
    boolean putEventStats(CardEventStats next);

    /** Both parts (empty ones for a card with none), for the pages. */
    default CardStats stats(BrandId brand, CardNumber card) {
        return new CardStats(ledgerStats(brand, card).orElse(CardLedgerStats.empty(brand, card)),
                eventStats(brand, card).orElse(CardEventStats.empty(brand, card)));
    }
}
