package io.tally.domain.fakes;

import io.tally.domain.card.CardNumber;
import io.tally.domain.engagement.CardEventsPort;
import io.tally.domain.engagement.RecordedEvent;
import io.tally.domain.tenant.BrandId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link CardEventsPort}: keyed like the DynamoDB adapter (card, time in milliseconds, id). */
public final class InMemoryCardEvents implements CardEventsPort {
    private static final Comparator<RecordedEvent> NEWEST_FIRST = Comparator
            .comparing((RecordedEvent e) -> e.occurredAt().toEpochMilli()).thenComparing(RecordedEvent::id).reversed();
    private final Map<String, RecordedEvent> events = new ConcurrentHashMap<>();

    @Override
    public boolean record(RecordedEvent event) {
        return events.putIfAbsent(event.card().value() + "/" + event.occurredAt().toEpochMilli() + "/" + event.id(), event) == null;
    }

    @Override
    public List<RecordedEvent> newest(BrandId brand, CardNumber card, int limit) {
        return events.values().stream().filter(e -> e.card().equals(card) && e.brand().equals(brand))
                .sorted(NEWEST_FIRST).limit(Math.min(limit, MAX_PAGE)).toList();
    }

    @Override
    public List<Mark> marks(BrandId brand, CardNumber card) {
        return newestAll(brand, card).stream().map(e -> new Mark(e.category(), e.sentiment(), e.occurredAt())).toList();
    }

    private List<RecordedEvent> newestAll(BrandId brand, CardNumber card) {
        return events.values().stream().filter(e -> e.card().equals(card) && e.brand().equals(brand))
                .sorted(NEWEST_FIRST).toList();
    }

    public int size() {
        return events.size();
    }
}
