package io.tally.portal.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tally.domain.delivery.DeliveryEvent;
import io.tally.domain.delivery.DeliveryEvent.Kind;
import io.tally.domain.email.MailingHeaders;
import io.tally.portal.email.EmailTags;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The recorded SES event documents (SNS-wrapped, as the queue receives them) read into delivery events. */
class SesEventsTest {
    private final SesEvents parser = new SesEvents();

    static String recorded(String name) {
        try (InputStream in = SesEventsTest.class.getResourceAsStream("/ses-events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DeliveryEvent one(String name) {
        List<DeliveryEvent> events = parser.read(recorded(name));
        assertEquals(1, events.size());
        return events.get(0);
    }

    @Test
    void each_event_type_reads_as_its_kind() {
        Map<String, Kind> kinds = Map.of("send.json", Kind.SEND, "delivery.json", Kind.DELIVERY,
                "complaint.json", Kind.COMPLAINT, "bounce-permanent.json", Kind.HARD_BOUNCE,
                "bounce-transient.json", Kind.SOFT_BOUNCE, "open.json", Kind.IGNORED, "click.json", Kind.IGNORED,
                "reject.json", Kind.IGNORED, "delivery-delay.json", Kind.IGNORED);
        kinds.forEach((name, kind) -> assertEquals(kind, one(name).kind(), name));
    }

    @Test
    void the_tags_name_brand_list_mailing_and_location_and_the_event_its_own_time_and_recipient() {
        DeliveryEvent complaint = one("complaint.json");
        assertEquals("ACME", complaint.brand().value());
        assertEquals("send-s1", complaint.mailing());
        assertEquals(Optional.of("news"), complaint.list());
        assertEquals(Optional.of("L1"), complaint.location());
        assertEquals(Optional.of("recipient@example.com"), complaint.address());
        assertEquals(DeliveryEvent.recipientOf("recipient@example.com"), complaint.recipient());
        assertEquals(Instant.parse("2025-01-01T11:00:00Z"), complaint.at());
        assertEquals(Optional.of("gone@example.com"), one("bounce-permanent.json").address());
        assertEquals(Instant.parse("2025-01-01T10:00:00Z"), one("send.json").at(), "Send has no time of its own: the mail's");
    }

    @Test
    void a_message_of_no_mailing_is_acted_on_but_not_counted() {
        DeliveryEvent bounce = one("welcome-bounce.json");
        assertEquals(DeliveryEvent.NO_MAILING, bounce.mailing());
        assertEquals(Kind.HARD_BOUNCE, bounce.kind());
        assertEquals(false, bounce.counted());
    }

    @Test
    void the_id_is_the_ses_events_identity_whatever_sns_message_carried_it() {
        String original = recorded("delivery.json");
        String resent = original.replace("\"MessageId\": \"00000000-0000-0000-0000-00005e5e0001\"",
                "\"MessageId\": \"11111111-0000-0000-0000-000000000001\"");
        assertNotEquals(original, resent);
        assertEquals(parser.read(original), parser.read(resent));
        assertNotEquals(one("send.json").id(), one("delivery.json").id());
    }

    @Test
    void what_is_no_sns_notification_of_an_ses_event_is_refused() {
        assertThrows(SesEvents.NotAnEvent.class, () -> parser.read("{\"Type\":\"SubscriptionConfirmation\"}"));
        assertThrows(SesEvents.NotAnEvent.class, () -> parser.read("not json"));
        assertThrows(SesEvents.NotAnEvent.class, () -> parser.read("{\"Type\":\"Notification\",\"Message\":"
                + "\"{\\\"eventType\\\":\\\"Bounce\\\",\\\"mail\\\":{}}\"}"));
    }

    @Test
    void tag_values_round_trip_ids_with_dots_and_underscores() {
        var tags = EmailTags.of(Map.of(MailingHeaders.MAILING, "rule-a_b.c", "List-Unsubscribe", "<https://x>"));
        assertEquals(1, tags.size());
        assertEquals("tally-mailing", tags.get(0).name());
        assertEquals("rule-a_ub_dc", tags.get(0).value());
        assertEquals("rule-a_b.c", EmailTags.decode(tags.get(0).value()));
    }
}
