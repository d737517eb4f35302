package io.tally.domain.engagement;

import io.tally.domain.event.DomainEvent;
import java.util.function.Consumer;

/**
 * Processes recorded events in the events consumer: keeps each in its card's events ({@link CardEventsPort}, once per
 * event however often it is delivered). Every other event passes by.
 */
public final class RecordedEventsListener implements Consumer<DomainEvent> {
    private final CardEventsPort cardEvents;

    public RecordedEventsListener(CardEventsPort cardEvents) {
        this.cardEvents = cardEvents;
    }

    @Override
    public void accept(DomainEvent event) {
        RecordedEvent.of(event).ifPresent(cardEvents::record);
    }
}
