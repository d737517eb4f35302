package io.tally.domain.segment;

import java.time.Instant;
import java.util.Objects;

/** One recorded event of a card, as the events filter sees it: its category id and when it happened. */
public record EventOccurrence(String category, Instant occurredAt) {
    public EventOccurrence {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
