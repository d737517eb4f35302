package io.tally.lambda.merchant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.card.Card;
import io.tally.domain.ledger.CardView;
import io.tally.domain.shared.Outcome;
import java.util.Optional;

/**
 * What {@code search} includes per card, from {@code returnFields}. Fields the platform does not keep
 * ({@code giverCustomer}, {@code checkouts}) are accepted and answered as {@code null}.
 * {@code coupons}: the card's coupons (see {@link CouponJson}) and {@code mailings}: the card's mailings, written by
 * {@link SearchMethod}.
 * {@code thirdPartyUsernames}: {@code {system: username}}.
 */
record ReturnFields(boolean balances, boolean customer, boolean alternateCustomer, boolean isEnrolled,
                    boolean customData, boolean customCardNumber, boolean brandDemographics, boolean activationDate,
                    boolean giverCustomer, boolean mailings, boolean checkouts, boolean coupons,
                    boolean thirdPartyUsernames) {

    static Outcome<ReturnFields> parse(JsonNode body) {
        Input in = new Input();
        JsonNode r = in.take(Fields.object(body, "returnFields"), Optional.empty()).orElse(null);
        ReturnFields f = new ReturnFields(flag(in, r, "balances"), flag(in, r, "customer"), flag(in, r, "alternateCustomer"),
                flag(in, r, "isEnrolled"), flag(in, r, "customData"), flag(in, r, "customCardNumber"),
                flag(in, r, "brandDemographics"), flag(in, r, "activationDate"), flag(in, r, "giverCustomer"),
                flag(in, r, "mailings"), flag(in, r, "checkouts"), flag(in, r, "coupons"),
                flag(in, r, "thirdPartyUsernames"));
        return in.failed() ? in.rejected() : Outcome.accepted(f);
    }

    private static boolean flag(Input in, JsonNode returnFields, String name) {
        return in.take(Fields.bool(returnFields, "returnFields." + name), false);
    }

    void write(ObjectNode n, CardView view, Scales scales) {
        Card card = view.card();
        SearchMethod.cardBasics(n, card);
        if (balances) {
            BalancesJson.put(n.putArray("balances"), view.state(), scales, view.asOf());
        }
        if (customer) {
            SearchMethod.customer(n, "customer", card.primaryCustomer());
        }
        if (alternateCustomer) {
            SearchMethod.customer(n, "alternateCustomer", card.alternateCustomer());
        }
        if (giverCustomer) {
            n.putNull("giverCustomer");
        }
        if (isEnrolled) {
            n.put("isEnrolled", card.enrolled());
        }
        if (customData) {
            ObjectNode data = n.putObject("customData");
            card.customData().forEach(data::put);
        }
        if (thirdPartyUsernames) {
            ObjectNode usernames = n.putObject("thirdPartyUsernames");
            card.thirdPartyUsernames().forEach(usernames::put);
        }
        if (customCardNumber) {
            n.put("customCardNumber", card.customCardNumber().orElse(null));
        }
        if (brandDemographics) {
            ArrayNode list = n.putArray("brandDemographics");
            card.brandDemographics().forEach((k, v) -> list.addObject().put("fieldName", k).put("value", v));
        }
        if (activationDate) {
            n.put("activationDate", card.activatedAt().map(WireTime::format).orElse(null));
        }
        if (checkouts) {
            n.putNull("checkouts");
        }
    }
}
