package io.tally.domain.event;

import io.tally.domain.tenant.BrandId;
import java.util.List;

/**
 * The brand's activity log: every domain event, once, in time order. The back office reads it;
 * the event consumer writes it. Recording is idempotent on the event id, because SQS delivers
 * at least once.
 */
public interface ActivityLogPort {
    /** Records the event; returns false if an event with that id was already recorded. */
    boolean record(DomainEvent event);

    /** The newest {@code limit} events of the brand, newest first. */
    List<DomainEvent> recent(BrandId brand, int limit);
}
