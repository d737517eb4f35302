package io.tally.domain.event;

import java.util.List;
import java.util.function.Consumer;

/**
 * What the queue consumer does with each event: hands it to the listeners (each idempotent, e.g. finishing a checkout's
 * coupons), then records it in the brand's activity log exactly once. A listener that throws fails the message, which
 * is then redelivered (and recorded only once it went through).
 */
public final class HandleEventUseCase {
    private final ActivityLogPort activityLog;
    private final List<Consumer<DomainEvent>> listeners;

    public HandleEventUseCase(ActivityLogPort activityLog) {
        this(activityLog, List.of());
    }

    public HandleEventUseCase(ActivityLogPort activityLog, List<Consumer<DomainEvent>> listeners) {
        this.activityLog = activityLog;
        this.listeners = List.copyOf(listeners);
    }

    /** Returns true when the event was new, false for a redelivery. Throws on infrastructure faults, so the message is retried. */
    public boolean handle(DomainEvent event) {
        for (Consumer<DomainEvent> listener : listeners) {
            listener.accept(event);
        }
        return activityLog.record(event);
    }
}
