package io.tally.domain.event;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * What the queue consumer does with each event: hands it to the listeners (each idempotent, e.g. finishing a checkout's
 * coupons), then records it in the brand's activity log exactly once. A listener that throws fails the message, which
 * is then redelivered (and recorded only once it went through).
 */
public final class HandleEventUseCase {
    private final ActivityLogPort activityLog;
    private final List<Consumer<DomainEvent>> listeners;
    private final UnaryOperator<DomainEvent> annotate;
    private final List<Consumer<DomainEvent>> afterRecording;

    public HandleEventUseCase(ActivityLogPort activityLog) {
        this(activityLog, List.of());
    }

    public HandleEventUseCase(ActivityLogPort activityLog, List<Consumer<DomainEvent>> listeners) {
        this(activityLog, listeners, UnaryOperator.identity());
    }

    /**
     * With {@code annotate}: what the log records is the event with facts added that its readers filter on (the
     * back office's {@code TransactionFacts}: a ledger entry's program and card set); the id stays, so recording stays
     * once per event.
     */
    public HandleEventUseCase(ActivityLogPort activityLog, List<Consumer<DomainEvent>> listeners,
                              UnaryOperator<DomainEvent> annotate) {
        this(activityLog, listeners, annotate, List.of());
    }

    /**
     * With {@code afterRecording}: told of every event once the log holds it, a redelivery too (so a consumer that
     * died between the record and them still tells them: the accounting rollups' {@code LateEntries}).
     */
    public HandleEventUseCase(ActivityLogPort activityLog, List<Consumer<DomainEvent>> listeners,
                              UnaryOperator<DomainEvent> annotate, List<Consumer<DomainEvent>> afterRecording) {
        this.activityLog = activityLog;
        this.listeners = List.copyOf(listeners);
        this.annotate = annotate;
        this.afterRecording = List.copyOf(afterRecording);
    }

    /** Returns true when the event was new, false for a redelivery. Throws on infrastructure faults, so the message is retried. */
    public boolean handle(DomainEvent event) {
        for (Consumer<DomainEvent> listener : listeners) {
            listener.accept(event);
        }
        boolean recorded = activityLog.record(annotate.apply(event));
        for (Consumer<DomainEvent> listener : afterRecording) {
            listener.accept(event);
        }
        return recorded;
    }
}
