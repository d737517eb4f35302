package io.tally.portal.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.domain.delivery.DeliveryEvent;
import io.tally.domain.delivery.DeliveryEvent.Kind;
import io.tally.domain.email.MailingHeaders;
import io.tally.domain.shared.Fingerprint;
import io.tally.domain.shared.Identifiers;
import io.tally.domain.tenant.BrandId;
import io.tally.portal.email.EmailTags;
import io.tally.sqs.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one queue message of the delivery-events queue: an SNS notification (not raw: the envelope's
 * {@code Type = Notification}, its {@code Message} the SES event record as published through a configuration set:
 * {@code eventType} Send, Delivery, Open, Click, Bounce, Complaint, Reject, DeliveryDelay, Rendering Failure,
 * Subscription), or a text's (AWS End User Messaging SMS, {@code eventType TEXT_…}: {@link TextEvents}, published to the
 * same topic). One event per recipient (ours have one). The brand, list, mailing and location come from the
 * message's tags ({@link EmailTags}); a record without a brand tag is not ours to count (an empty answer).
 * <p>An event's id is the SES event's identity, not the SNS message id: SES publishes at least once and SNS delivers at
 * least once, and either may repeat a record under a new SNS id, so the id is a digest of the SES message id, the event
 * type, the event's own timestamp and the recipient: the same for every copy of one event.
 */
public final class SesEvents {
    private final ObjectMapper mapper = Json.mapper();

    /** A queue message that is no SES event record of ours' shape: a bug or a stray publisher, dead-lettered. */
    public static final class NotAnEvent extends RuntimeException {
        NotAnEvent(String why) {
            super(why);
        }
    }

    public List<DeliveryEvent> read(String body) {
        JsonNode envelope = tree(body);
        if (!"Notification".equals(envelope.path("Type").asText())) {
            throw new NotAnEvent("not an SNS notification: " + envelope.path("Type").asText());
        }
        JsonNode record = tree(envelope.path("Message").asText());
        return TextEvents.isText(record) ? TextEvents.events(record) : events(record);
    }

    List<DeliveryEvent> events(JsonNode record) {
        String type = record.path("eventType").asText();
        JsonNode mail = record.path("mail");
        String messageId = mail.path("messageId").asText();
        if (messageId.isEmpty()) {
            throw new NotAnEvent("an SES event without mail.messageId");
        }
        Optional<String> brand = tag(mail, MailingHeaders.BRAND).filter(Identifiers::isValid);
        if (brand.isEmpty()) {
            return List.of();
        }
        Kind kind = kind(type, record);
        JsonNode detail = record.path(detailField(type));
        Instant at = Instant.parse(detail.path("timestamp").asText(mail.path("timestamp").asText()));
        List<DeliveryEvent> events = new ArrayList<>();
        for (String recipient : recipients(type, mail, detail)) {
            String id = "ses-" + Fingerprint.of(messageId, type, at, recipient);
            events.add(new DeliveryEvent(id, new BrandId(brand.get()), kind,
                    tag(mail, MailingHeaders.MAILING).filter(Identifiers::isValid).orElse(DeliveryEvent.NO_MAILING),
                    tag(mail, MailingHeaders.LIST).filter(Identifiers::isValid),
                    tag(mail, MailingHeaders.LOCATION).filter(Identifiers::isValid),
                    DeliveryEvent.recipientOf(recipient), Optional.of(recipient), at));
        }
        return events;
    }

    private static Kind kind(String type, JsonNode record) {
        return switch (type) {
            case "Send" -> Kind.SEND;
            case "Delivery" -> Kind.DELIVERY;
            case "Complaint" -> Kind.COMPLAINT;
            // Permanent: the address or domain does not exist; Transient (mailbox full, too large, server down) and
            // Undetermined are soft bounces
            case "Bounce" -> "Permanent".equals(record.path("bounce").path("bounceType").asText())
                    ? Kind.HARD_BOUNCE : Kind.SOFT_BOUNCE;
            // our own image and links count opens and clicks; SES's tracking stays off in the configuration set
            case "Open", "Click", "Reject", "DeliveryDelay", "Rendering Failure", "Subscription" -> Kind.IGNORED;
            default -> throw new NotAnEvent("unknown SES event type " + type);
        };
    }

    private static String detailField(String type) {
        return switch (type) {
            case "DeliveryDelay" -> "deliveryDelay";
            case "Rendering Failure" -> "failure";
            default -> type.toLowerCase(Locale.ROOT);
        };
    }

    private static List<String> recipients(String type, JsonNode mail, JsonNode detail) {
        JsonNode named = switch (type) {
            case "Bounce" -> detail.path("bouncedRecipients");
            case "Complaint" -> detail.path("complainedRecipients");
            case "Delivery" -> detail.path("recipients");
            case "DeliveryDelay" -> detail.path("delayedRecipients");
            default -> mail.path("destination");
        };
        List<String> out = new ArrayList<>();
        named.forEach(n -> out.add(n.isTextual() ? n.asText() : n.path("emailAddress").asText()));
        if (out.isEmpty() || out.stream().anyMatch(String::isEmpty)) {
            throw new NotAnEvent("an SES " + type + " event without its recipients");
        }
        return out;
    }

    private static Optional<String> tag(JsonNode mail, String header) {
        JsonNode values = mail.path("tags").path(EmailTags.name(header));
        return values.isArray() && values.size() == 1 ? Optional.of(EmailTags.decode(values.get(0).asText()))
                : Optional.empty();
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new NotAnEvent("not JSON: " + e.getOriginalMessage());
        }
    }
}
