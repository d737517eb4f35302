package io.tally.domain.fakes;

import io.tally.domain.card.CardNumber;
import io.tally.domain.communication.CardMailing;
import io.tally.domain.communication.CardMailingsPort;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** In-memory {@link CardMailingsPort}: keyed like the DynamoDB adapter (card, message id), the first recording stands. */
public final class InMemoryCardMailings implements CardMailingsPort {
    private final Map<String, CardMailing> mailings = new ConcurrentHashMap<>();

    @Override
    public boolean record(CardMailing mailing) {
        return mailings.putIfAbsent(mailing.card().value() + "/" + mailing.messageId(), mailing) == null;
    }

    @Override
    public List<CardMailing> newest(BrandId brand, CardNumber card, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_PAGE + ": " + limit);
        }
        return ofCard(brand, card).limit(limit).toList();
    }

    @Override
    public Optional<CardMailing> newestWithin(BrandId brand, CardNumber card, Instant from, Instant to) {
        return ofCard(brand, card).filter(m -> !m.sentAt().isBefore(from) && !m.sentAt().isAfter(to)).findFirst();
    }

    private Stream<CardMailing> ofCard(BrandId brand, CardNumber card) {
        return mailings.values().stream().filter(m -> m.card().equals(card) && m.brand().equals(brand))
                .sorted(CardMailing::newestFirst);
    }

    public int size() {
        return mailings.size();
    }
}
