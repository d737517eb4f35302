package io.tally.domain.event;

import io.tally.domain.shared.Identifiers;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened, told to whoever listens, at least once. {@code id} is stable across
 * redeliveries (consumers de-duplicate on it); {@code data} holds flat string attributes so that
 * every consumer, in any language, can read it.
 */
public record DomainEvent(String id, String type, BrandId brand, Instant occurredAt, Map<String, String> data) {
    public DomainEvent {
        Objects.requireNonNull(id, "id");
        Identifiers.require(type, "event type");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(occurredAt, "occurredAt");
        data = Map.copyOf(data);
    }
}
