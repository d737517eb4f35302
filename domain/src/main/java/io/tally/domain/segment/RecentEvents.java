package io.tally.domain.segment;

import io.tally.domain.card.Card;
import io.tally.domain.engagement.CardEventsPort;
import java.util.List;
import java.util.function.Function;

/**
 * A card's recent events for the events filter's periods: its newest {@link MemberFacts#MAX_EVENTS} kept events
 * ({@link CardEventsPort#newest}, one query), newest first. A card with more events than that counts only these
 * within a period (the oldest fall out first); the all-time counts come from the statistics and see every event.
 */
public final class RecentEvents implements Function<Card, List<EventOccurrence>> {
    private final CardEventsPort events;

    public RecentEvents(CardEventsPort events) {
        this.events = events;
    }

    @Override
    public List<EventOccurrence> apply(Card card) {
        return events.newest(card.brand(), card.number(), MemberFacts.MAX_EVENTS).stream()
                .map(e -> new EventOccurrence(e.category().value(), e.occurredAt())).toList();
    }
}
