package io.tally.sqs.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.event.DomainEvent;
import io.tally.domain.tenant.BrandId;
import io.tally.sqs.json.SqsCharacters;
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
    void characters_sqs_refuses_are_escaped_and_unpaired_surrogates_replaced() {
        String sku = SqsCharacters.HOSTILE;
        DomainEvent event = new DomainEvent("e-4", "ledger.checkout", new BrandId("ACME"),
                Instant.parse("2026-12-01T10:15:30Z"), Map.of("skuamount." + sku, "7.50", "note", sku + sku));

        String body = json.write(event);

        SqsCharacters.assertSqsAccepts(body);
        String read = SqsCharacters.HOSTILE_READ;
        assertEquals(new DomainEvent("e-4", "ledger.checkout", new BrandId("ACME"), Instant.parse("2026-12-01T10:15:30Z"),
                Map.of("skuamount." + read, "7.50", "note", read + read)), json.read(body));
        String escaped = "a\\uFFFFb\\uFFFEc\uFFFDd\uFFFDe\uD83D\uDE00f\uFFFD\uFFFDg\uFFFD\uD83D\uDE00\u20ac"
                + "\\u0001\u007f\u0085\uFFFD";
        assertTrue(body.contains("\"note\":\"" + escaped + escaped + "\""), "only U+FFFF and U+FFFE escaped, lone"
                + " surrogates replaced; pairs, the euro sign, DEL and NEL as they are: " + body);
    }

    @Test
    void anything_that_is_not_an_event_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> json.read("{\"id\":\"e-3\"}"));
        assertThrows(IllegalArgumentException.class, () -> json.read("not json"));
        assertThrows(IllegalArgumentException.class, () -> json.read("{\"id\":1,\"type\":\"t\",\"brand\":\"B\","
                + "\"occurredAt\":\"2026-12-01T10:15:30Z\"}"));
    }
}
