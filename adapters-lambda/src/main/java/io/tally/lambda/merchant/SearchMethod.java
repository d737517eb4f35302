package io.tally.lambda.merchant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.CardSearch;
import io.tally.domain.card.CardStatus;
import io.tally.domain.card.ProfileRules;
import io.tally.domain.communication.CardMailing;
import io.tally.domain.communication.CardMailingsPort;
import io.tally.domain.coupon.CouponsUseCase;
import io.tally.domain.ledger.CardQueriesUseCase;
import io.tally.domain.ledger.CardView;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.lambda.http.MerchantMethod;
import io.tally.lambda.http.MerchantRequest;
import io.tally.sqs.json.WireJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code search}: cards by {@code filters} (cardNumber, customCardNumber, email, phone, thirdPartyUsername; several are combined with
 * AND), ACTIVE ones unless {@code includeInactive}. Each card: {@code cardNumber}, {@code cardSetId} and the
 * {@code returnFields} asked for ({@code coupons}: the card's coupons; {@code mailings}: the card's mailings). A card number that is unknown, malformed or of
 * another brand finds nothing.
 * {@code forcePinValidation} needs {@code filters.cardNumber}: checking a PIN against every card an e-mail finds
 * would be both slow (PIN hashes are slow on purpose) and an enumeration aid.
 */
public final class SearchMethod implements MerchantMethod {
    private final CardQueriesUseCase queries;
    private final ValueTypes valueTypes;
    private final CouponsUseCase coupons;
    private final CardMailingsPort mailings;
    private final WireJson json;

    public SearchMethod(CardQueriesUseCase queries, LoadProgramsPort programs, CouponsUseCase coupons,
                        CardMailingsPort mailings, WireJson json) {
        this.queries = queries;
        this.valueTypes = new ValueTypes(programs);
        this.coupons = coupons;
        this.mailings = mailings;
        this.json = json;
    }

    @Override
    public String name() {
        return "search";
    }

    /** The parsed filters; at least one is present. */
    private record Filters(Optional<CardNumber> cardNumber, boolean cardNumberGiven, List<CardSearch> criteria) {
    }

    @Override
    public Outcome<ObjectNode> handle(MerchantRequest request) {
        var body = request.body();
        Input in = new Input();
        ObjectNode filters = in.take(Fields.object(body, "filters"), Optional.empty()).orElse(json.createObjectNode());
        Filters f = in.take(filters(filters), null);
        ReturnFields fields = in.take(ReturnFields.parse(body), null);
        boolean includeInactive = in.take(Fields.bool(body, "includeInactive"), false);
        Optional<String> pin = in.take(Fields.forcedPin(body), Optional.empty());
        if (in.failed()) {
            return in.rejected();
        }
        if (pin.isPresent() && !f.cardNumberGiven()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "forcePinValidation needs filters.cardNumber.");
        }
        Outcome<List<CardView>> found = find(request, f, includeInactive, pin);
        return found.map(views -> {
            ObjectNode out = json.createObjectNode();
            ArrayNode cards = out.putArray("cards");
            for (CardView v : views) {
                Scales scales = fields.balances() ? valueTypes.forProgram(v.card().brand(), v.card().program()) : null;
                ObjectNode card = cards.addObject();
                fields.write(card, v, scales);
                if (fields.coupons()) {
                    CouponJson.putAll(card.putArray("coupons"), coupons.ofCard(request.context(), v.card()));
                }
                if (fields.mailings()) {
                    mailings(card.putArray("mailings"), v.card());
                }
            }
            out.put("usedCache", false);
            return out;
        });
    }

    private Outcome<List<CardView>> find(MerchantRequest request, Filters f, boolean includeInactive, Optional<String> pin) {
        var brand = request.context().brand();
        List<CardView> views;
        List<CardSearch> rest;
        if (f.cardNumberGiven()) {
            if (f.cardNumber().isEmpty()) {
                return Outcome.accepted(List.of());
            }
            Outcome<CardView> one = queries.lookup(brand, f.cardNumber().get(), pin);
            if (one instanceof Outcome.Rejected<CardView> r) {
                return r.rejection().reason() == Reason.CARD_NOT_FOUND ? Outcome.accepted(List.of()) : Outcome.rejected(r.rejection());
            }
            views = List.of(one.value());
            rest = f.criteria();
        } else {
            views = queries.search(brand, f.criteria().get(0), includeInactive, CardPort.MAX_RESULTS);
            rest = f.criteria().subList(1, f.criteria().size());
        }
        List<CardView> kept = new ArrayList<>();
        for (CardView v : views) {
            if ((includeInactive || v.card().status() == CardStatus.ACTIVE) && rest.stream().allMatch(c -> c.matches(v.card()))) {
                kept.add(v);
            }
        }
        return Outcome.accepted(kept);
    }

    private static Outcome<Filters> filters(JsonNode filters) {
        Input in = new Input();
        boolean numberGiven = Fields.present(filters, "cardNumber").filter(Fields::cardNumberGiven).isPresent();
        Outcome<Optional<CardNumber>> parsed = Fields.optionalCardNumber(filters, "filters.cardNumber");
        Optional<CardNumber> number = Optional.empty();
        if (parsed instanceof Outcome.Rejected<Optional<CardNumber>> r && r.rejection().reason() != Reason.CARD_NOT_FOUND) {
            in.take(parsed, Optional.empty());
        } else if (parsed.isAccepted()) {
            number = parsed.value();
        }
        Optional<String> custom = in.take(Fields.text(filters, "filters.customCardNumber", ProfileRules.MAX_CUSTOM_CARD_NUMBER),
                Optional.empty());
        Optional<String> email = in.take(Fields.text(filters, "filters.email", ProfileRules.MAX_EMAIL), Optional.empty());
        Optional<String> phone = in.take(Fields.text(filters, "filters.phone", ProfileRules.MAX_PHONE_TEXT), Optional.empty());
        Optional<CardSearch> username = in.take(thirdPartyUsername(filters), Optional.empty());
        if (in.failed()) {
            return in.rejected();
        }
        List<CardSearch> criteria = new ArrayList<>();
        custom.ifPresent(c -> criteria.add(new CardSearch.ByCustomCardNumber(c)));
        email.ifPresent(e -> criteria.add(new CardSearch.ByEmail(e)));
        phone.map(ProfileRules::phoneDigits).filter(p -> !p.isEmpty()).ifPresent(p -> criteria.add(new CardSearch.ByPhone(p)));
        username.ifPresent(criteria::add);
        if (!numberGiven && criteria.isEmpty()) {
            return Outcome.rejected(Reason.INVALID_REQUEST,
                    "filters needs cardNumber, customCardNumber, email, phone or thirdPartyUsername.");
        }
        return Outcome.accepted(new Filters(number, numberGiven, criteria));
    }

    /** {@code filters.thirdPartyUsername: {system, username}}: a card that has that username in that system. */
    private static Outcome<Optional<CardSearch>> thirdPartyUsername(JsonNode filters) {
        Input in = new Input();
        Optional<ObjectNode> o = in.take(Fields.object(filters, "filters.thirdPartyUsername"), Optional.empty());
        if (in.failed() || o.isEmpty()) {
            return in.failed() ? in.rejected() : Outcome.accepted(Optional.empty());
        }
        Optional<String> system = in.take(Fields.text(o.get(), "filters.thirdPartyUsername.system",
                ProfileRules.MAX_FIELD_NAME), Optional.empty());
        Optional<String> name = in.take(Fields.text(o.get(), "filters.thirdPartyUsername.username",
                ProfileRules.MAX_FIELD_VALUE), Optional.empty());
        if (in.failed()) {
            return in.rejected();
        }
        if (system.isEmpty() || name.isEmpty()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "filters.thirdPartyUsername needs system and username.");
        }
        return Outcome.accepted(Optional.of(new CardSearch.ByThirdPartyUsername(system.get(), name.get())));
    }

    /**
     * {@code mailings}: the card's newest mailings (at most {@link CardMailingsPort#MAX_PAGE}), newest first, each
     * {@code {mailingId, channel, listId, templateId, sentDate}} ({@code sentDate} as {@code yyyy-MM-dd HH:mm:ss}, UTC).
     */
    private void mailings(ArrayNode out, Card card) {
        for (CardMailing m : mailings.newest(card.brand(), card.number(), CardMailingsPort.MAX_PAGE)) {
            out.addObject().put("mailingId", m.mailing()).put("channel", m.channel().name()).put("listId", m.list())
                    .put("templateId", m.template()).put("sentDate", WireTime.format(m.sentAt()));
        }
    }

    /** Used by {@link ReturnFields}: the card's profile fields as the wire shows them. */
    static void customer(ObjectNode parent, String field, Optional<io.tally.domain.card.Customer> customer) {
        if (customer.isEmpty()) {
            parent.putNull(field);
            return;
        }
        var c = customer.get();
        ObjectNode n = parent.putObject(field);
        n.put("firstName", c.firstName());
        n.put("lastName", c.lastName());
        n.put("email", c.email());
        n.put("phone", c.phone());
        n.put("address1", c.address1());
        n.put("address2", c.address2());
        n.put("city", c.city());
        n.put("state", c.state());
        n.put("postal", c.postal());
        n.put("country", c.country());
        n.put("birthDate", c.birthDate() == null ? null : WireTime.formatDate(c.birthDate()));
        n.put("gender", c.gender());
    }

    static void cardBasics(ObjectNode n, Card card) {
        n.put("cardNumber", card.number().value());
        n.put("cardSetId", card.cardSet().value());
    }
}
