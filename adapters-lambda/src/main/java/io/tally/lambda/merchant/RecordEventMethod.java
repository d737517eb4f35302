package io.tally.lambda.merchant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.card.CardNumber;
import io.tally.domain.engagement.EventCategoryId;
import io.tally.domain.engagement.RecordEventUseCase;
import io.tally.domain.engagement.RecordEventUseCase.RecordEventCommand;
import io.tally.domain.engagement.RecordedEvent;
import io.tally.domain.shared.DecimalAmounts;
import io.tally.domain.shared.Identifiers;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.lambda.http.IdempotentCall;
import io.tally.lambda.http.MerchantMethod;
import io.tally.lambda.http.MerchantRequest;
import io.tally.sqs.json.WireJson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code recordEvent}: records an event of the brand's category {@code categoryId} for the card {@code cardNumber},
 * at the call's location and terminal, at {@code eventTime} (UTC {@code yyyy-MM-dd HH:mm:ss}; absent: now, or for a
 * retried customRequestId the first attempt's time) with an optional {@code value} (at most 2 decimals) and
 * {@code customData} ({@code {name: value}}, at most 20). Checked now, processed asynchronously; answers
 * {@code eventId}, {@code cardNumber}, {@code categoryId} and {@code eventTime}.
 */
public final class RecordEventMethod implements MerchantMethod {
    private final RecordEventUseCase events;
    private final WireJson json;

    public RecordEventMethod(RecordEventUseCase events, WireJson json) {
        this.events = events;
        this.json = json;
    }

    @Override
    public String name() {
        return "recordEvent";
    }

    /** Nothing is written to the table: the API keeps the customRequestId (and the answer) itself. */
    @Override
    public RequestIdUse requestIdUse() {
        return RequestIdUse.IDEMPOTENT;
    }

    @Override
    public Outcome<ObjectNode> handle(MerchantRequest request) {
        JsonNode body = request.body();
        Input in = new Input();
        CardNumber card = in.take(Fields.cardNumber(body, "cardNumber"), null);
        EventCategoryId category = in.take(category(body), null);
        Optional<Instant> time = in.take(WireTime.instant(body, "eventTime"), Optional.empty());
        Optional<Long> value = Fields.present(body, "value").isEmpty() ? Optional.empty()
                : Optional.ofNullable(in.take(Fields.amount(body, "value", 2), null));
        Map<String, String> custom = in.take(customData(body), Map.of());
        if (in.failed()) {
            return in.rejected();
        }
        // with a customRequestId every attempt defaults to the first claim's instant: a retry keeps the event once
        Optional<Instant> firstAttempt = request.idempotency().map(IdempotentCall::firstClaimedAt);
        var command = new RecordEventCommand(request.context(), card, category, time.or(() -> firstAttempt), value, custom,
                request.requestRef(), request.header("customrequestid"));
        return events.record(command).map(this::answer);
    }

    private ObjectNode answer(RecordedEvent e) {
        ObjectNode out = json.createObjectNode();
        out.put("eventId", e.id());
        out.put("cardNumber", e.card().value());
        out.put("categoryId", e.category().value());
        out.put("eventTime", WireTime.format(e.occurredAt()));
        e.valueHundredths().ifPresent(v -> out.put("value", DecimalAmounts.toDecimal(v, 2)));
        return out;
    }

    private static Outcome<EventCategoryId> category(JsonNode body) {
        return Fields.text(body, "categoryId", 64).flatMap(t -> {
            if (t.isEmpty()) {
                return Outcome.rejected(Reason.INVALID_REQUEST, "categoryId is required.");
            }
            if (!Identifiers.isValid(t.get())) {
                return Outcome.rejected(Reason.UNKNOWN_EVENT_CATEGORY, "The brand has no event of category " + t.get() + ".");
            }
            return Outcome.accepted(new EventCategoryId(t.get()));
        });
    }

    /** {@code {name: value}}, values strings or numbers; at most {@link RecordedEvent#MAX_CUSTOM_KEYS} names. */
    private static Outcome<Map<String, String>> customData(JsonNode body) {
        Optional<JsonNode> n = Fields.present(body, "customData");
        if (n.isEmpty()) {
            return Outcome.accepted(Map.of());
        }
        if (!n.get().isObject()) {
            return Fields.wrongType("customData", "an object");
        }
        if (n.get().size() > RecordedEvent.MAX_CUSTOM_KEYS) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "customData holds at most " + RecordedEvent.MAX_CUSTOM_KEYS + " fields.");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Input in = new Input();
        n.get().fields().forEachRemaining(e -> {
            if (e.getKey().isBlank() || e.getKey().length() > RecordedEvent.MAX_CUSTOM_KEY) {
                in.take(Outcome.rejected(Reason.INVALID_REQUEST, "customData names are 1-" + RecordedEvent.MAX_CUSTOM_KEY
                        + " characters."), null);
                return;
            }
            in.take(Fields.textOf(Optional.of(e.getValue()), "customData." + e.getKey(), RecordedEvent.MAX_CUSTOM_VALUE),
                    Optional.<String>empty()).ifPresent(v -> fields.put(e.getKey(), v));
        });
        return in.failed() ? in.rejected() : Outcome.accepted(fields);
    }
}
