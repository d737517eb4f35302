package io.tally.domain.event;

/**
 * What the queue consumer does with each event: records it in the brand's activity log exactly once.
 * Later listeners (reports, emails, campaigns) hang off the same entry point.
 */
public final class HandleEventUseCase {
    private final ActivityLogPort activityLog;

    public HandleEventUseCase(ActivityLogPort activityLog) {
        this.activityLog = activityLog;
    }

    /** Returns true when the event was new, false for a redelivery. Throws on infrastructure faults, so the message is retried. */
    public boolean handle(DomainEvent event) {
        return activityLog.record(event);
    }
}
