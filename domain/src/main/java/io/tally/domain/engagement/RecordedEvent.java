package io.tally.domain.engagement;

import io.tally.domain.card.CardNumber;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.shared.DecimalAmounts;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.TerminalId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One event a card's customer did, as the merchant API accepted it: the category and, as the definition said when it
 * was accepted, its type and sentiment (so processing never depends on when it ran or on a later edit); when it
 * happened and where it was recorded; an optional value (hundredths: a rating, an order's value) and the caller's
 * custom data. Travels as a {@link DomainEvent} of type {@link #TYPE} through the events queue; {@code id} is stable
 * across retries of the same customRequestId, so processing is once per id.
 */
public record RecordedEvent(String id, BrandId brand, CardNumber card, EventCategoryId category, EventType type,
                            Sentiment sentiment, Instant occurredAt, Instant recordedAt, LocationId location,
                            TerminalId terminal, Optional<Long> valueHundredths, Map<String, String> customData,
                            String requestRef) {
    public static final String TYPE = "engagement.recorded";
    /** Bounds of the custom data: keys, key length, value length. */
    public static final int MAX_CUSTOM_KEYS = 20;
    public static final int MAX_CUSTOM_KEY = 64;
    public static final int MAX_CUSTOM_VALUE = 256;
    private static final String CUSTOM = "custom.";

    public RecordedEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sentiment, "sentiment");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(valueHundredths, "valueHundredths");
        Objects.requireNonNull(requestRef, "requestRef");
        customData = Map.copyOf(customData);
    }

    public DomainEvent toDomainEvent() {
        Map<String, String> data = new HashMap<>();
        data.put("cardNumber", card.value());
        data.put("category", category.value());
        data.put("eventType", type.wireName());
        data.put("sentiment", sentiment.wireName());
        data.put("recordedAt", recordedAt.toString());
        data.put("location", location.value());
        data.put("terminal", terminal.value());
        data.put("requestRef", requestRef);
        valueHundredths.ifPresent(v -> data.put("value", DecimalAmounts.toDecimal(v, 2).toPlainString()));
        customData.forEach((k, v) -> data.put(CUSTOM + k, v));
        return new DomainEvent(id, TYPE, brand, occurredAt, data);
    }

    /** The recorded event a domain event of {@link #TYPE} carries; empty for every other event. */
    public static Optional<RecordedEvent> of(DomainEvent event) {
        if (!TYPE.equals(event.type())) {
            return Optional.empty();
        }
        Map<String, String> d = event.data();
        Map<String, String> custom = new TreeMap<>();
        d.forEach((k, v) -> {
            if (k.startsWith(CUSTOM)) {
                custom.put(k.substring(CUSTOM.length()), v);
            }
        });
        return Optional.of(new RecordedEvent(event.id(), event.brand(), new CardNumber(d.get("cardNumber")),
                new EventCategoryId(d.get("category")), EventType.byWireName(d.get("eventType")).orElseThrow(),
                Sentiment.byWireName(d.get("sentiment")).orElseThrow(), event.occurredAt(),
                Instant.parse(d.get("recordedAt")), new LocationId(d.get("location")), new TerminalId(d.get("terminal")),
                Optional.ofNullable(d.get("value")).map(v -> DecimalAmounts.toMinor(v, 2).orElseThrow()), custom,
                d.get("requestRef")));
    }
}
