package io.tally.domain.engagement;

import io.tally.domain.card.CardNumber;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.List;

/**
 * The events recorded for a card, kept in the card's own place for its pages (the back office's card page, later the
 * member's account): written by the events consumer once per event (SQS delivers at least once, so the write is
 * claimed on the event's time and id), read newest first.
 */
public interface CardEventsPort {
    /** Upper bound of {@link #newest}'s {@code limit}. */
    int MAX_PAGE = 100;

    /** Keeps the event; false when an event with its time and id was already kept (a redelivery). */
    boolean record(RecordedEvent event);

    /** The card's newest {@code limit} (1..{@link #MAX_PAGE}) events, newest first (by time, then id). */
    List<RecordedEvent> newest(BrandId brand, CardNumber card, int limit);

    /** Every kept event of the card, as much of it as its statistics count (strongly consistent, every page). */
    List<Mark> marks(BrandId brand, CardNumber card);

    /** What the card's statistics count of one event. */
    record Mark(EventCategoryId category, Sentiment sentiment, Instant occurredAt) {
    }
}
