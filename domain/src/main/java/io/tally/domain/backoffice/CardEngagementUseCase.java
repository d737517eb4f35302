package io.tally.domain.backoffice;

import io.tally.domain.card.CardNumber;
import io.tally.domain.engagement.CardEventsPort;
import io.tally.domain.engagement.CardStats;
import io.tally.domain.engagement.CardStatsPort;
import io.tally.domain.engagement.RecordedEvent;
import io.tally.domain.staff.Permission;
import io.tally.domain.staff.StaffScope;
import java.util.List;
import java.util.Optional;

/**
 * The card page's events and statistics: the card's newest recorded events and its statistics, for a staff member who
 * may read the card ({@link Permission#READ_CARDS}, and for a manager a card used at their locations: the same check as
 * the rest of the page, {@link CustomerServiceUseCase#card}). Both are what the events consumer has processed so far.
 */
public final class CardEngagementUseCase {
    /** How many of the card's newest events the page shows. */
    public static final int EVENTS_SHOWN = 20;

    private final CustomerServiceUseCase service;
    private final CardEventsPort events;
    private final CardStatsPort stats;

    public CardEngagementUseCase(CustomerServiceUseCase service, CardEventsPort events, CardStatsPort stats) {
        this.service = service;
        this.events = events;
        this.stats = stats;
    }

    /** The card's newest events (newest first) and its statistics. */
    public record CardEngagement(List<RecordedEvent> events, CardStats stats) {
        public CardEngagement {
            events = List.copyOf(events);
        }
    }

    public Optional<CardEngagement> of(StaffScope scope, CardNumber card) {
        return service.card(scope, card).map(c -> new CardEngagement(events.newest(scope.brand(), card, EVENTS_SHOWN),
                stats.stats(scope.brand(), card)));
    }
}
