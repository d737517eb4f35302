package io.tally.portal.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.communication.CardMailing;
import io.tally.domain.delivery.DeliveryEvent;
import io.tally.domain.delivery.DeliveryEvent.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The recorded End User Messaging SMS event documents (SNS-wrapped, as the queue receives them) read into events. */
class TextEventsTest {
    private final SesEvents parser = new SesEvents();

    static String recorded(String name) {
        try (InputStream in = TextEventsTest.class.getResourceAsStream("/sms-events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DeliveryEvent one(String name) {
        List<DeliveryEvent> events = parser.read(recorded(name));
        assertEquals(1, events.size(), name);
        return events.get(0);
    }

    @Test
    void each_event_type_reads_as_its_kind_and_intermediate_states_as_nothing() {
        Map<String, Kind> kinds = Map.of("delivered.json", Kind.DELIVERY, "invalid.json", Kind.HARD_BOUNCE,
                "carrier-unreachable.json", Kind.SOFT_BOUNCE);
        kinds.forEach((name, kind) -> assertEquals(kind, one(name).kind(), name));
        assertTrue(parser.read(recorded("queued.json")).isEmpty());
        assertTrue(parser.read(recorded("successful.json")).isEmpty(), "accepted by the carrier, not final: "
                + "its delivery or failure follows");
        assertTrue(parser.read(recorded("not-ours.json")).isEmpty(), "no brand of ours in the context");
    }

    @Test
    void the_context_names_brand_list_mailing_and_location_and_the_phone_is_kept_only_as_a_fingerprint() {
        DeliveryEvent delivered = one("delivered.json");
        assertEquals("ACME", delivered.brand().value());
        assertEquals("send-s2", delivered.mailing());
        assertEquals(Optional.of("news"), delivered.list());
        assertEquals(Optional.of("L1"), delivered.location());
        assertEquals(CardMailing.Channel.SMS, delivered.channel());
        assertEquals(Optional.empty(), delivered.address(), "nothing acts on a phone");
        assertEquals(DeliveryEvent.recipientOfPhone("+14255550156"), delivered.recipient());
        assertNotEquals(DeliveryEvent.recipientOf("+14255550156"), delivered.recipient());
        assertEquals(Instant.ofEpochMilli(1735725601500L), delivered.at());
        assertTrue(delivered.counted());
    }

    @Test
    void successful_and_delivered_of_one_text_are_one_delivery_and_its_failures_other_events() {
        List<DeliveryEvent> finalSuccess = parser.read(recorded("successful.json").replace("\\\"isFinal\\\":false",
                "\\\"isFinal\\\":true"));
        assertEquals(1, finalSuccess.size());
        assertEquals(Kind.DELIVERY, finalSuccess.get(0).kind(), "a final successful: where no handset receipt comes");
        assertEquals(finalSuccess.get(0).id(), one("delivered.json").id(),
                "the provider uses the two interchangeably: one text is delivered once");
        assertNotEquals(one("delivered.json").id(), one("invalid.json").id());
        assertNotEquals(one("invalid.json").id(), one("carrier-unreachable.json").id());
        assertEquals(one("delivered.json").id(), one("delivered.json").id(), "a repeat is the same event");
    }

    @Test
    void a_text_record_without_message_id_or_destination_is_not_an_event() {
        String delivered = recorded("delivered.json");
        assertThrows(SesEvents.NotAnEvent.class, () -> parser.read(delivered.replace(
                "\\\"messageId\\\":\\\"862a8790-60c0-4430-9b2b-658bdexample\\\"", "\\\"messageId\\\":\\\"\\\"")));
        assertThrows(SesEvents.NotAnEvent.class, () -> parser.read(delivered.replace(
                "\\\"destinationPhoneNumber\\\":\\\"+14255550156\\\"", "\\\"destinationPhoneNumber\\\":\\\"\\\"")));
    }
}
