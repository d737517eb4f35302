package io.tally.lambda.merchant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.card.ProfileRules;
import io.tally.domain.ledger.UpdateAccountUseCase;
import io.tally.domain.shared.GeoPoint;
import io.tally.domain.shared.Identifiers;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.domain.tenant.LocationId;
import io.tally.lambda.http.MerchantMethod;
import io.tally.lambda.http.MerchantRequest;
import io.tally.sqs.json.WireJson;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code updateAccount}: what the merchant knows about the card holder. Customers merge field by field (absent
 * or null keeps a field); {@code brandDemographics} ({@code [{fieldName, value}]}) and {@code customData}
 * ({@code {name: value}}) and {@code thirdPartyUsernames} ({@code {system: username}}: the card's usernames in other
 * systems) merge by name, an empty or null value deletes; {@code customCardNumber} "" clears it.
 * {@code countAsEnrollment} enrolls the card once. Tally's extensions: a customer's {@code latitude} and
 * {@code longitude} (the address's coordinates, both or neither, checked for range) and {@code owningLocation} (one of
 * the brand's location ids). Answers the bare envelope.
 */
public final class UpdateAccountMethod implements MerchantMethod {
    /** Longer than any decimal degree worth sending; {@link GeoPoint#parse} takes at most 32 characters. */
    private static final int MAX_DEGREES_TEXT = 32;
    private final UpdateAccountUseCase account;
    private final WireJson json;

    public UpdateAccountMethod(UpdateAccountUseCase account, WireJson json) {
        this.account = account;
        this.json = json;
    }

    @Override
    public String name() {
        return "updateAccount";
    }

    /** The profile write is not a ledger entry, so the API keeps the customRequestId itself. */
    @Override
    public RequestIdUse requestIdUse() {
        return RequestIdUse.IDEMPOTENT;
    }

    @Override
    public Outcome<ObjectNode> handle(MerchantRequest request) {
        var body = request.body();
        Input in = new Input();
        CardNumber card = in.take(Fields.cardNumber(body, "cardNumber"), null);
        Optional<Customer> primary = in.take(customer(body, "primaryCustomer"), Optional.empty());
        Optional<Customer> alternate = in.take(customer(body, "alternateCustomer"), Optional.empty());
        boolean enroll = in.take(Fields.bool(body, "countAsEnrollment"), false);
        Map<String, String> demographics = in.take(namedFields(body, "brandDemographics"), Map.of());
        Map<String, String> customData = in.take(namedFields(body, "customData"), Map.of());
        Map<String, String> usernames = in.take(namedFields(body, "thirdPartyUsernames"), Map.of());
        Optional<String> customCardNumber = in.take(customCardNumber(body), Optional.empty());
        Optional<String> pin = in.take(Fields.forcedPin(body), Optional.empty());
        Optional<LocationId> owningLocation = in.take(owningLocation(body), Optional.empty());
        if (in.failed()) {
            return in.rejected();
        }
        var command = new UpdateAccountUseCase.UpdateAccountCommand(request.context(), Requests.infoWithoutRequestId(request),
                card, primary, alternate, demographics, customData, usernames, customCardNumber, enroll, pin, owningLocation);
        return account.update(command).map(updated -> json.createObjectNode());
    }

    private static Outcome<Optional<Customer>> customer(JsonNode body, String field) {
        Input in = new Input();
        Optional<ObjectNode> o = in.take(Fields.object(body, field), Optional.empty());
        if (in.failed() || o.isEmpty()) {
            return in.failed() ? in.rejected() : Outcome.accepted(Optional.empty());
        }
        ObjectNode c = o.get();
        String p = field + ".";
        String firstName = text(in, c, p + "firstName", ProfileRules.MAX_NAME);
        String lastName = text(in, c, p + "lastName", ProfileRules.MAX_NAME);
        String email = text(in, c, p + "email", ProfileRules.MAX_EMAIL);
        String phone = text(in, c, p + "phone", ProfileRules.MAX_PHONE_TEXT);
        String address1 = text(in, c, p + "address1", ProfileRules.MAX_ADDRESS);
        String address2 = text(in, c, p + "address2", ProfileRules.MAX_ADDRESS);
        String city = text(in, c, p + "city", ProfileRules.MAX_NAME);
        String state = text(in, c, p + "state", ProfileRules.MAX_NAME);
        String postal = text(in, c, p + "postal", ProfileRules.MAX_POSTAL);
        String country = text(in, c, p + "country", ProfileRules.MAX_NAME);
        LocalDate birthDate = in.take(WireTime.date(c, p + "birthDate"), Optional.empty()).orElse(null);
        String gender = text(in, c, p + "gender", ProfileRules.MAX_GENDER);
        String latitude = text(in, c, p + "latitude", MAX_DEGREES_TEXT);
        String longitude = text(in, c, p + "longitude", MAX_DEGREES_TEXT);
        GeoPoint point = in.failed() ? null : in.take(GeoPoint.parse(field, latitude, longitude), Optional.<GeoPoint>empty())
                .orElse(null);
        if (in.failed()) {
            return in.rejected();
        }
        return Outcome.accepted(Optional.of(new Customer(firstName, lastName, email, phone, address1, address2, city, state,
                postal, country, birthDate, gender, point)));
    }

    /** One of the brand's location ids (checked by the use case); absent or null leaves the card's as it is. */
    private static Outcome<Optional<LocationId>> owningLocation(JsonNode body) {
        return Fields.text(body, "owningLocation", 64).flatMap(t -> {
            if (t.isPresent() && !Identifiers.isValid(t.get())) {
                return Outcome.rejected(Reason.INVALID_REQUEST, "owningLocation: the brand has no location " + t.get() + ".");
            }
            return Outcome.accepted(t.map(LocationId::new));
        });
    }

    private static String text(Input in, JsonNode parent, String field, int max) {
        return in.take(Fields.text(parent, field, max), Optional.empty()).orElse(null);
    }

    /**
     * Named fields as {@code [{fieldName, value}]} (the wire shape of brandDemographics) or as an object
     * {@code {name: value}} (customData); a null or empty value deletes the field.
     */
    private static Outcome<Map<String, String>> namedFields(JsonNode body, String field) {
        Optional<JsonNode> n = Fields.present(body, field);
        if (n.isEmpty()) {
            return Outcome.accepted(Map.of());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Input in = new Input();
        if (n.get().isArray()) {
            if (n.get().size() > ProfileRules.MAX_FIELDS) {
                return Outcome.rejected(Reason.INVALID_REQUEST, field + " holds at most " + ProfileRules.MAX_FIELDS + " fields.");
            }
            int i = 0;
            for (JsonNode item : n.get()) {
                String at = field + "[" + i++ + "]";
                if (!item.isObject()) {
                    return Fields.wrongType(at, "an object {fieldName, value}");
                }
                Optional<String> name = in.take(Fields.text(item, at + ".fieldName", ProfileRules.MAX_FIELD_NAME), Optional.empty());
                Optional<String> value = in.take(Fields.text(item, at + ".value", ProfileRules.MAX_FIELD_VALUE), Optional.empty());
                if (!in.failed() && name.isEmpty()) {
                    return Outcome.rejected(Reason.INVALID_REQUEST, at + ".fieldName is required.");
                }
                name.ifPresent(k -> fields.put(k, value.orElse("")));
            }
        } else if (n.get().isObject()) {
            if (n.get().size() > ProfileRules.MAX_FIELDS) {
                return Outcome.rejected(Reason.INVALID_REQUEST, field + " holds at most " + ProfileRules.MAX_FIELDS + " fields.");
            }
            n.get().fields().forEachRemaining(e -> fields.put(e.getKey(), in.take(Fields.textOf(Optional.of(e.getValue()),
                    field + "." + e.getKey(), ProfileRules.MAX_FIELD_VALUE), Optional.empty()).orElse("")));
        } else {
            return Fields.wrongType(field, "a list of {fieldName, value} or an object");
        }
        return in.failed() ? in.rejected() : Outcome.accepted(fields);
    }

    /** Present as "" clears the custom card number; absent or null leaves it. */
    private static Outcome<Optional<String>> customCardNumber(JsonNode body) {
        Optional<JsonNode> n = Fields.present(body, "customCardNumber");
        if (n.isEmpty()) {
            return Outcome.accepted(Optional.empty());
        }
        return Fields.text(body, "customCardNumber", ProfileRules.MAX_CUSTOM_CARD_NUMBER).map(t -> Optional.of(t.orElse("")));
    }
}
