package io.tally.sqs.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.tenant.BrandId;
import io.tally.sqs.json.SqsBody;
import io.tally.sqs.json.WireJson;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The wire form of a domain event on the queue: {@code {id, type, brand, occurredAt, data{…}}}, as SQS accepts it
 * ({@link SqsBody}: U+FFFE and U+FFFF escaped, unpaired surrogates read back as U+FFFD).
 */
public final class EventJson {
    private final WireJson json;

    public EventJson(WireJson json) {
        this.json = json;
    }

    public String write(DomainEvent e) {
        ObjectNode n = json.createObjectNode();
        n.put("id", e.id());
        n.put("type", e.type());
        n.put("brand", e.brand().value());
        n.put("occurredAt", e.occurredAt().toString());
        ObjectNode data = n.putObject("data");
        e.data().forEach(data::put);
        try {
            return SqsBody.of(json.writeValueAsString(n));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Parses an event; throws IllegalArgumentException for anything that is not one. */
    public DomainEvent read(String body) {
        try {
            JsonNode n = json.readTree(body);
            Map<String, String> data = new HashMap<>();
            JsonNode d = n.path("data");
            d.fieldNames().forEachRemaining(k -> data.put(k, d.get(k).asText()));
            return new DomainEvent(text(n, "id"), text(n, "type"), new BrandId(text(n, "brand")),
                    Instant.parse(text(n, "occurredAt")), data);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a domain event: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("missing text field " + field);
        }
        return v.asText();
    }
}
