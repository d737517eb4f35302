package io.tally.domain.event;

import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The brand's activity log: every domain event, once, in time order. The back office reads it (lookups by request
 * ref and external transaction id, the brand's transactions in a timeframe); the event consumer writes it. Recording
 * is idempotent on the event id, because SQS delivers at least once. Every ledger entry's event gets out through the
 * outbox, so the log is the brand-wide view of entries, eventually (the relay's delay behind the commit).
 */
public interface ActivityLogPort {
    /** Upper bound of {@link #between}'s page and of the lookups. */
    int MAX_PAGE = 100;

    /** Records the event; returns false if an event with that id was already recorded. */
    boolean record(DomainEvent event);

    /** The newest {@code limit} events of the brand, newest first. */
    List<DomainEvent> recent(BrandId brand, int limit);

    /** Events whose data names this {@code requestRef} (the merchant API's answer to the call), newest first. */
    List<DomainEvent> byRequestRef(BrandId brand, String requestRef, int limit);

    /** Events whose data names this {@code externalTransactionId} (the till's own id), newest first. */
    List<DomainEvent> byExternalTransactionId(BrandId brand, String externalTransactionId, int limit);

    /**
     * Up to {@code limit} (1..{@link #MAX_PAGE}) events that occurred in {@code [from, to)}, in the log's order
     * (newest first, {@link Position#ORDER}), strictly after {@code after} when given. {@code next} is the position of
     * the last event examined when more may follow. One query of the brand's log (never a scan).
     */
    Slice between(BrandId brand, Instant from, Instant to, Optional<Position> after, int limit);

    /** When the brand's oldest recorded event occurred (where the accounting rollups start); empty for an empty log. */
    Optional<Instant> oldest(BrandId brand);

    /** Where an event sits in a brand's log: its time and id (the log's key). */
    record Position(Instant occurredAt, String eventId) {
        /**
         * The log's order, newest first: by the instant's ISO-8601 text, then the id (the stored key's order; within
         * one second it may differ from the instants' order by the text's fraction digits).
         */
        public static final Comparator<Position> ORDER = Comparator.comparing((Position p) -> p.occurredAt().toString())
                .thenComparing(Position::eventId).reversed();

        public Position {
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(eventId, "eventId");
        }

        public static Position of(DomainEvent event) {
            return new Position(event.occurredAt(), event.id());
        }
    }

    /** One slice of the log; {@code next} present when more may follow. */
    record Slice(List<DomainEvent> events, Optional<Position> next) {
        public Slice {
            events = List.copyOf(events);
            Objects.requireNonNull(next, "next");
        }
    }
}
