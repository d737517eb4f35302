package io.tally.domain.backoffice;

import io.tally.domain.card.CardNumber;
import io.tally.domain.engagement.CardEventsPort;
import io.tally.domain.engagement.CardStats;
import io.tally.domain.engagement.CardStatsPort;
import io.tally.domain.engagement.RecordedEvent;
import io.tally.domain.engagement.score.CustomerScoresPort;
import io.tally.domain.engagement.score.ScoreRanges;
import io.tally.domain.engagement.score.ScoreSettingsPort;
import io.tally.domain.engagement.score.StoredScore;
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
    private final Optional<CustomerScoresPort> scores;
    private final Optional<ScoreSettingsPort> settings;

    public CardEngagementUseCase(CustomerServiceUseCase service, CardEventsPort events, CardStatsPort stats) {
        this(service, events, stats, Optional.empty());
    }

    /** With the card's customer score as the scoring job last stored it. */
    public CardEngagementUseCase(CustomerServiceUseCase service, CardEventsPort events, CardStatsPort stats,
                                 Optional<CustomerScoresPort> scores) {
        this(service, events, stats, scores, Optional.empty());
    }

    /** With the brand's score range names too (the defaults without them). */
    public CardEngagementUseCase(CustomerServiceUseCase service, CardEventsPort events, CardStatsPort stats,
                                 Optional<CustomerScoresPort> scores, Optional<ScoreSettingsPort> settings) {
        this.service = service;
        this.events = events;
        this.stats = stats;
        this.scores = scores;
        this.settings = settings;
    }

    /**
     * The card's newest events (newest first), its statistics, its stored customer score (empty before the job) and the
     * brand's named score ranges.
     */
    public record CardEngagement(List<RecordedEvent> events, CardStats stats, Optional<StoredScore> score,
                                 ScoreRanges ranges) {
        public CardEngagement {
            events = List.copyOf(events);
        }

        public CardEngagement(List<RecordedEvent> events, CardStats stats, Optional<StoredScore> score) {
            this(events, stats, score, ScoreRanges.DEFAULT);
        }

        public CardEngagement(List<RecordedEvent> events, CardStats stats) {
            this(events, stats, Optional.empty());
        }
    }

    public Optional<CardEngagement> of(StaffScope scope, CardNumber card) {
        return service.card(scope, card).map(c -> new CardEngagement(events.newest(scope.brand(), card, EVENTS_SHOWN),
                stats.stats(scope.brand(), card), scores.flatMap(s -> s.score(scope.brand(), card)),
                settings.map(s -> s.settings(scope.brand()).ranges()).orElse(ScoreRanges.DEFAULT)));
    }
}
