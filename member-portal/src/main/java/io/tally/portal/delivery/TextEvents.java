package io.tally.portal.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.domain.delivery.DeliveryEvent;
import io.tally.domain.delivery.DeliveryEvent.Kind;
import io.tally.domain.shared.Fingerprint;
import io.tally.domain.shared.Identifiers;
import io.tally.domain.tenant.BrandId;
import io.tally.portal.sms.EndUserMessagingSmsSender;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads an AWS End User Messaging SMS event record (as a configuration set's SNS event destination publishes it: the
 * SNS envelope's {@code Message}, {@code eventType TEXT_…}, {@code messageId}, {@code eventTimestamp} in ms,
 * {@code destinationPhoneNumber}, and the {@code context} our sender set: {@link EndUserMessagingSmsSender#CONTEXT_BRAND}
 * and the others). A record without our brand in its context is not ours to count (an empty answer).
 * <p>What counts: {@code TEXT_DELIVERED} is a delivery, and so is a final {@code TEXT_SUCCESSFUL} (the provider uses
 * the two interchangeably by country; a successful that is not final only says the carrier accepted it, and a
 * delivery or a failure follows); {@code TEXT_INVALID} (the number is not valid) a hard bounce;
 * every other failure (unreachable, carrier unreachable or blocked, blocked, spam filtering, TTL expired, unknown, an
 * invalid body, protect-blocked) a soft bounce; queued, pending and any other type nothing. The event's id is a digest
 * of the provider's message id and the kind, not of the event type or its time: the two success types of one message
 * are one delivery, a repeat of a record is the same event, and one text counts at most one delivery and one bounce
 * of each kind. Nothing acts on a phone (a hard bounce marks no address; STOP is the provider's opt-out list).
 */
final class TextEvents {
    private TextEvents() {
    }

    /** Whether a record is a text's event (SES records have no {@code TEXT_…} type). */
    static boolean isText(JsonNode record) {
        return record.path("eventType").asText().startsWith("TEXT_");
    }

    static List<DeliveryEvent> events(JsonNode record) {
        String messageId = record.path("messageId").asText();
        if (messageId.isEmpty()) {
            throw new SesEvents.NotAnEvent("an SMS event without messageId");
        }
        JsonNode context = record.path("context");
        Optional<String> brand = text(context, EndUserMessagingSmsSender.CONTEXT_BRAND);
        if (brand.isEmpty()) {
            return List.of();
        }
        Kind kind = kind(record.path("eventType").asText(), record.path("isFinal").asBoolean(false));
        if (kind == Kind.IGNORED) {
            return List.of();
        }
        String phone = record.path("destinationPhoneNumber").asText();
        if (phone.isEmpty() || !record.path("eventTimestamp").canConvertToLong()) {
            throw new SesEvents.NotAnEvent("an SMS event without its destination or time");
        }
        Instant at = Instant.ofEpochMilli(record.path("eventTimestamp").asLong());
        return List.of(DeliveryEvent.ofText("sms-" + Fingerprint.of(messageId, kind.name()), new BrandId(brand.get()),
                kind, text(context, EndUserMessagingSmsSender.CONTEXT_MAILING).orElse(DeliveryEvent.NO_MAILING),
                text(context, EndUserMessagingSmsSender.CONTEXT_LIST),
                text(context, EndUserMessagingSmsSender.CONTEXT_LOCATION), phone, at));
    }

    static Kind kind(String type, boolean isFinal) {
        return switch (type) {
            case "TEXT_DELIVERED" -> Kind.DELIVERY;
            case "TEXT_SUCCESSFUL" -> isFinal ? Kind.DELIVERY : Kind.IGNORED;
            case "TEXT_INVALID" -> Kind.HARD_BOUNCE;
            case "TEXT_UNREACHABLE", "TEXT_CARRIER_UNREACHABLE", "TEXT_BLOCKED", "TEXT_CARRIER_BLOCKED", "TEXT_SPAM",
                 "TEXT_TTL_EXPIRED", "TEXT_UNKNOWN", "TEXT_INVALID_MESSAGE", "TEXT_PROTECT_BLOCKED" -> Kind.SOFT_BOUNCE;
            default -> Kind.IGNORED; // TEXT_QUEUED, TEXT_PENDING, and types added later
        };
    }

    private static Optional<String> text(JsonNode context, String key) {
        return Optional.of(context.path(key).asText()).filter(Identifiers::isValid);
    }
}
