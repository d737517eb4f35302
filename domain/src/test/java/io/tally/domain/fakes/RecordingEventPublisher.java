package io.tally.domain.fakes;

import io.tally.domain.event.DomainEvent;
import io.tally.domain.event.PublishEventPort;
import java.util.ArrayList;
import java.util.List;

/** Keeps published events; can be told to fail, like a transport outage. Thread-safe. */
public final class RecordingEventPublisher implements PublishEventPort {
    private final List<DomainEvent> published = new ArrayList<>();
    private int failuresToInject;

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
    }

    public synchronized List<DomainEvent> published() {
        return List.copyOf(published);
    }
}
