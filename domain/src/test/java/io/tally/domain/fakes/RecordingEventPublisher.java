package io.tally.domain.fakes;

import io.tally.domain.event.DomainEvent;
import io.tally.domain.event.PublishEventPort;
import java.util.ArrayList;
import java.util.List;

/** Keeps published events; can be told to fail, like a transport outage. Thread-safe. */
public final class RecordingEventPublisher implements PublishEventPort {
    private final List<DomainEvent> published = new ArrayList<>();
    private int failuresToInject;
    private int crashesAfter;

    /** The process dies right after the next {@code n} publishes went out ({@link Crash}): delivered, nothing after runs. */
    public synchronized void crashAfterNext(int n) {
        crashesAfter = n;
    }

    public synchronized void failNext(int n) {
        failuresToInject = n;
    }

    @Override
    public synchronized void publish(List<DomainEvent> events) {
        if (failuresToInject > 0) {
            failuresToInject--;
            throw new IllegalStateException("event transport unavailable (injected)");
        }
        published.addAll(events);
        if (crashesAfter > 0) {
            crashesAfter--;
            throw new Crash("after publishing " + events.size() + " event(s)");
        }
    }

    public synchronized List<DomainEvent> published() {
        return List.copyOf(published);
    }
}
