package io.tally.domain.fakes;

import io.tally.domain.event.DomainEvent;
import io.tally.domain.event.PublishEventPort;
import java.util.ArrayList;
import java.util.List;

/** Keeps what was published, in order; can be told to fail, like a queue that is down. */
public final class RecordingEventPublisher implements PublishEventPort {
    private final List<DomainEvent> published = new ArrayList<>();
    private volatile boolean failing;

    @Override
    public synchronized void publish(List<DomainEvent> events) {
        if (failing) {
            throw new IllegalStateException("the queue is unavailable (simulated)");
        }
        published.addAll(events);
    }

    public synchronized List<DomainEvent> published() {
        return List.copyOf(published);
    }

    public void failing(boolean on) {
        this.failing = on;
    }
}
