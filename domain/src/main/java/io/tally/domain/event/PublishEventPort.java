package io.tally.domain.event;

import java.util.List;

/**
 * Sends domain events to the asynchronous consumers (SQS in production). Returns only once every
 * event is accepted by the transport; a failure throws, and the caller's operation must be safe to
 * retry (events carry stable ids, so a retry that republishes is harmless).
 */
public interface PublishEventPort {
    void publish(List<DomainEvent> events);
}
