package io.tally.sqs.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tally.domain.event.DomainEvent;
import io.tally.domain.tenant.BrandId;
import io.tally.sqs.json.WireJson;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventJsonTest {
    private final EventJson json = new EventJson(new WireJson());

    @Test
    void an_event_is_written_in_the_wire_form_every_consumer_reads() {
        DomainEvent event = new DomainEvent("e-1", "card.issued", new BrandId("ACME"),
                Instant.parse("2026-12-01T10:15:30Z"), Map.of("amount", "1250"));

        assertEquals("{\"id\":\"e-1\",\"type\":\"card.issued\",\"brand\":\"ACME\",\"occurredAt\":\"2026-12-01T10:15:30Z\","
                + "\"data\":{\"amount\":\"1250\"}}", json.write(event));
    }

    @Test
    void an_event_read_back_is_the_event_written() {
        DomainEvent event = new DomainEvent("e-2", "member.enrolled", new BrandId("ACME"),
                Instant.parse("2026-12-01T10:15:30.123Z"), Map.of("card", "6000000000000007", "email", "a@b.example"));

        assertEquals(event, json.read(json.write(event)));
    }

    @Test
    void anything_that_is_not_an_event_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> json.read("{\"id\":\"e-3\"}"));
        assertThrows(IllegalArgumentException.class, () -> json.read("not json"));
        assertThrows(IllegalArgumentException.class, () -> json.read("{\"id\":1,\"type\":\"t\",\"brand\":\"B\","
                + "\"occurredAt\":\"2026-12-01T10:15:30Z\"}"));
    }
}
