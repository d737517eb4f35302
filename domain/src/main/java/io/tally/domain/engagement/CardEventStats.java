package io.tally.domain.engagement;

import io.tally.domain.card.CardNumber;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A card's recorded events counted: how many ({@code seen}), by category and by sentiment, and the newest one's time.
 * A pure function of the set of the card's kept events ({@link CardEventsPort}), which only grows: a count taken from
 * a larger set is the newer one, so the stored statistics only ever move to a larger {@code seen}.
 */
public record CardEventStats(BrandId brand, CardNumber card, long seen, Map<String, Long> byCategory,
                             Map<String, Long> bySentiment, Optional<Instant> lastEventAt) {
    public CardEventStats {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(card, "card");
        byCategory = Map.copyOf(byCategory);
        bySentiment = Map.copyOf(bySentiment);
        Objects.requireNonNull(lastEventAt, "lastEventAt");
    }

    public static CardEventStats empty(BrandId brand, CardNumber card) {
        return new CardEventStats(brand, card, 0, Map.of(), Map.of(), Optional.empty());
    }

    public static CardEventStats of(BrandId brand, CardNumber card, Collection<CardEventsPort.Mark> marks) {
        Map<String, Long> categories = new TreeMap<>();
        Map<String, Long> sentiments = new TreeMap<>();
        Optional<Instant> last = Optional.empty();
        for (CardEventsPort.Mark m : marks) {
            categories.merge(m.category().value(), 1L, Math::addExact);
            sentiments.merge(m.sentiment().wireName(), 1L, Math::addExact);
            last = last.filter(l -> !l.isBefore(m.occurredAt())).or(() -> Optional.of(m.occurredAt()));
        }
        return new CardEventStats(brand, card, marks.size(), categories, sentiments, last);
    }
}
