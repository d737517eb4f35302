package io.tally.backoffice.actions;

import io.tally.backoffice.actions.ActionViews.ActionForm;
import io.tally.backoffice.actions.ActionViews.Choice;
import io.tally.backoffice.actions.ActionViews.Row;
import io.tally.backoffice.http.Html;
import io.tally.backoffice.http.OfficeArea;
import io.tally.backoffice.http.OfficeCall;
import io.tally.backoffice.http.OfficeResponse;
import io.tally.backoffice.http.OfficeRouter;
import io.tally.backoffice.http.View.Page;
import io.tally.backoffice.templates.actions.JteadjustGenerated;
import io.tally.backoffice.templates.actions.JtecustomerGenerated;
import io.tally.backoffice.templates.actions.JtedoneGenerated;
import io.tally.backoffice.templates.actions.JtereasonGenerated;
import io.tally.domain.backoffice.CardActionsUseCase;
import io.tally.domain.backoffice.CardActionsUseCase.Action;
import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardStatus;
import io.tally.domain.card.Customer;
import io.tally.domain.ledger.BalanceResult;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.program.ValueType;
import io.tally.domain.shared.DecimalAmounts;
import io.tally.domain.shared.GeoPoint;
import io.tally.domain.shared.Identifiers;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.Reason;
import io.tally.domain.staff.Permission;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.LocationsPort;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The card actions under {@code /admin/cards/{number}/…}: adjust, void, status (deactivate/reactivate), PIN and
 * customer. Each GET shows a form for a card the staff member may act on (else the not-found page); each POST runs the
 * use case, which checks permission and scope again, and answers a confirmation with the result or the form with the
 * refusal. The form carries a key drawn when it was shown: resubmitting it repeats the same action, never a second one.
 */
public final class CardActionPages implements OfficeArea {
    private final CardActionsUseCase actions;
    private final LocationsPort locations;
    private final RandomSource random;

    private final boolean welcomeResend;
    private final boolean local;
    private final Optional<String> portalOrigin;

    /**
     * @param welcomeResend whether the welcome e-mail can be resent (the function holds the portal's signing secret,
     *                      which the e-mail's preferences link needs)
     * @param local         links to the portal over http (the local runtime)
     */
    public CardActionPages(CardActionsUseCase actions, LocationsPort locations, RandomSource random, boolean welcomeResend,
                           boolean local) {
        this(actions, locations, random, welcomeResend, local, Optional.empty());
    }

    /**
     * @param portalOrigin the member pages' own origin when the stack has one ({@code TALLY_PORTAL_ORIGIN}): the portal
     *                     then answers only through it, so e-mailed links name it rather than this request's host
     */
    public CardActionPages(CardActionsUseCase actions, LocationsPort locations, RandomSource random, boolean welcomeResend,
                           boolean local, Optional<String> portalOrigin) {
        this.portalOrigin = portalOrigin;
        this.actions = actions;
        this.locations = locations;
        this.random = random;
        this.welcomeResend = welcomeResend;
        this.local = local;
    }

    @Override
    public void register(OfficeRouter router) {
        router.get("/cards/{number}/adjust", Permission.ACT_ON_CARDS, c -> withCard(c, card -> adjustForm(c, card, "", "", null, 200)))
                .post("/cards/{number}/adjust", Permission.ACT_ON_CARDS, this::adjust)
                .get("/cards/{number}/void", Permission.ACT_ON_CARDS, c -> withCard(c, card -> reasonForm(c, "void", null, 200)))
                .post("/cards/{number}/void", Permission.ACT_ON_CARDS, this::voidTransaction)
                .get("/cards/{number}/status", Permission.ACT_ON_CARDS, c -> withCard(c, card -> statusForm(c, card, null, 200)))
                .post("/cards/{number}/status", Permission.ACT_ON_CARDS, this::status)
                .get("/cards/{number}/pin", Permission.ACT_ON_CARDS, c -> withCard(c, card -> reasonForm(c, "pin", null, 200)))
                .post("/cards/{number}/pin", Permission.ACT_ON_CARDS, this::pin)
                .get("/cards/{number}/customer", Permission.ACT_ON_CARDS, c -> withCard(c, card -> customerForm(c, card, null, 200)))
                .post("/cards/{number}/customer", Permission.ACT_ON_CARDS, this::customer);
        if (welcomeResend) {
            router.get("/cards/{number}/welcome", Permission.ACT_ON_CARDS, c -> withCard(c, card -> reasonForm(c, "welcome", null, 200)))
                    .post("/cards/{number}/welcome", Permission.ACT_ON_CARDS, this::welcome);
        }
    }

    private OfficeResponse welcome(OfficeCall c) {
        return withCard(c, card -> {
            String origin = portalOrigin.orElse((local ? "http://" : "https://") + c.request().host());
            Outcome<String> done = actions.resendWelcome(action(c), origin + "/portal/" + card.brand().value());
            if (done instanceof Outcome.Rejected<String> r) {
                return refused(c, "welcome", r.rejection().reason(), r.rejection().detail());
            }
            return done(c, "Welcome e-mail queued", List.of(new Row("Card", card.number().value()),
                    new Row("Message", done.value())));
        });
    }

    private OfficeResponse adjust(OfficeCall c) {
        return withCard(c, card -> {
            String amount = c.request().field("amount");
            Optional<ValueType> type = actions.valueTypes(card).stream()
                    .filter(v -> v.key().asText().equals(c.request().field("valueType"))).findFirst();
            Optional<Long> minor = type.flatMap(t -> signedMinor(amount, t.scale()));
            if (minor.isEmpty() || minor.get() == 0) {
                return adjustForm(c, card, amount, c.request().field("reason"), "Enter a non-zero amount such as 5.00 or -2.50.", 400);
            }
            Outcome<BalanceResult> done = actions.adjust(action(c), type.get().key(), minor.get());
            if (done instanceof Outcome.Rejected<BalanceResult> r) {
                return refusedAdjust(c, card, r.rejection().reason(), r.rejection().detail());
            }
            return done(c, "Balance adjusted", entryRows(done.value(), type.get()));
        });
    }

    private OfficeResponse voidTransaction(OfficeCall c) {
        return withCard(c, card -> {
            String id = c.request().query("transactionId");
            if (id == null || id.isBlank()) {
                return c.notFound();
            }
            Outcome<BalanceResult> done = actions.voidTransaction(action(c), new TransactionId(id));
            if (done instanceof Outcome.Rejected<BalanceResult> r) {
                return refused(c, "void", r.rejection().reason(), r.rejection().detail());
            }
            return done(c, "Transaction voided", List.of(new Row("Voided transaction", id),
                    new Row("New entry", done.value().transactionId().value()), new Row("Type", done.value().entry().type().name())));
        });
    }

    /** The status the form was shown for: sending it again repeats that switch, never the opposite one. */
    private OfficeResponse status(OfficeCall c) {
        return withCard(c, card -> {
            String to = c.request().field("to");
            if (!"INACTIVE".equals(to) && !"ACTIVE".equals(to)) {
                return statusForm(c, card, "Open the form again.", 400);
            }
            Outcome<Card> done = to.equals("INACTIVE") ? actions.deactivate(action(c)) : actions.reactivate(action(c));
            if (done instanceof Outcome.Rejected<Card> r) {
                return r.rejection().reason() == Reason.CARD_NOT_FOUND ? c.notFound()
                        : statusForm(c, card, message(r.rejection().reason(), r.rejection().detail()), 400);
            }
            String status = done.value().status() == CardStatus.ACTIVE ? "Active" : "Inactive";
            return done(c, done.value().status() == CardStatus.ACTIVE ? "Card reactivated" : "Card deactivated",
                    List.of(new Row("Card", card.number().value()), new Row("Status", status)));
        });
    }

    private OfficeResponse pin(OfficeCall c) {
        return withCard(c, card -> {
            Outcome<CardActionsUseCase.NewPin> done = actions.resetPin(action(c));
            if (done instanceof Outcome.Rejected<CardActionsUseCase.NewPin> r) {
                return refused(c, "pin", r.rejection().reason(), r.rejection().detail());
            }
            return done(c, "New PIN", List.of(new Row("Card", card.number().value()),
                    new Row("New PIN (shown once: tell the customer now)", done.value().pin())));
        });
    }

    private OfficeResponse customer(OfficeCall c) {
        return withCard(c, card -> {
            Outcome<Optional<GeoPoint>> point = GeoPoint.parse("The address's coordinates", c.request().field("latitude"),
                    c.request().field("longitude"));
            if (point instanceof Outcome.Rejected<Optional<GeoPoint>> r) {
                return customerForm(c, card, r.rejection().detail(), 400);
            }
            Customer typed = new Customer(blank(c, "firstName"), blank(c, "lastName"), blank(c, "email"), blank(c, "phone"),
                    null, null, null, null, null, null, null, null, point.value().orElse(null));
            Optional<LocationId> owner = Optional.ofNullable(blank(c, "owningLocation")).filter(Identifiers::isValid)
                    .map(LocationId::new);
            Outcome<Card> done = actions.editCustomer(action(c), new CardActionsUseCase.CustomerEdit(Optional.of(typed),
                    Optional.empty(), Map.of(), Map.of(), owner));
            if (done instanceof Outcome.Rejected<Card> r) {
                return customerForm(c, card, message(r.rejection().reason(), r.rejection().detail()), 400);
            }
            Customer saved = done.value().primaryCustomer().orElse(Customer.EMPTY);
            return done(c, "Customer saved", List.of(new Row("First name", text(saved.firstName())),
                    new Row("Last name", text(saved.lastName())), new Row("E-mail", text(saved.email())),
                    new Row("Phone", text(saved.phone())), new Row("Address coordinates", saved.addressPoint() == null
                            ? "none" : saved.addressPoint().latitude() + ", " + saved.addressPoint().longitude()),
                    new Row("Owning location", done.value().owningLocation().map(LocationId::value).orElse("none"))));
        });
    }

    private OfficeResponse withCard(OfficeCall c, Function<Card, OfficeResponse> page) {
        Optional<CardNumber> number = number(c);
        Optional<Card> card = number.flatMap(n -> actions.actionable(c.scope(), n));
        return card.map(page).orElseGet(c::notFound);
    }

    private static Optional<CardNumber> number(OfficeCall c) {
        Outcome<CardNumber> parsed = CardNumber.parse(c.param("number"));
        return parsed.isAccepted() ? Optional.of(parsed.value()) : Optional.empty();
    }

    private Action action(OfficeCall c) {
        String reason = c.request().field("reason");
        return new Action(c.scope(), number(c).orElseThrow(), reason == null ? "" : reason.trim(),
                c.request().field("key") == null ? "" : c.request().field("key"));
    }

    private OfficeResponse adjustForm(OfficeCall c, Card card, String amount, String reason, String error, int status) {
        Page page = c.page("Adjust a balance", "search");
        String chosen = c.request().field("valueType");
        List<Choice> types = actions.valueTypes(card).stream()
                .map(v -> new Choice(v.key().asText(), v.key().asText(), v.key().asText().equals(chosen))).toList();
        ActionForm form = form(c, "adjust", "Adjust a balance", reason, error, null);
        return OfficeResponse.html(status, Html.render(o -> JteadjustGenerated.render(o, null, page, form, types, amount)));
    }

    private OfficeResponse reasonForm(OfficeCall c, String what, String error, int status) {
        String title = what.equals("void") ? "Void a transaction" : what.equals("welcome") ? "Resend the welcome e-mail"
                : "Reset the PIN";
        String path = what.equals("void") ? "void?transactionId=" + text(c.request().query("transactionId")) : what;
        return reasonPage(c, form(c, path, title, c.request().field("reason"), error, null), status);
    }

    private OfficeResponse statusForm(OfficeCall c, Card card, String error, int status) {
        String posted = c.request().field("to");
        String to = posted != null && !posted.isBlank() ? posted : card.status() == CardStatus.ACTIVE ? "INACTIVE" : "ACTIVE";
        String title = to.equals("INACTIVE") ? "Deactivate the card" : "Reactivate the card";
        return reasonPage(c, form(c, "status", title, c.request().field("reason"), error, to), status);
    }

    private OfficeResponse reasonPage(OfficeCall c, ActionForm form, int status) {
        Page page = c.page(form.title(), "search");
        return OfficeResponse.html(status, Html.render(o -> JtereasonGenerated.render(o, null, page, form)));
    }

    private OfficeResponse customerForm(OfficeCall c, Card card, String error, int status) {
        Page page = c.page("Edit the customer", "search");
        Customer now = card.primaryCustomer().orElse(Customer.EMPTY);
        boolean posted = "POST".equals(c.request().method());
        List<Row> values = List.of(
                new Row("firstName", posted ? text(c.request().field("firstName")) : text(now.firstName())),
                new Row("lastName", posted ? text(c.request().field("lastName")) : text(now.lastName())),
                new Row("email", posted ? text(c.request().field("email")) : text(now.email())),
                new Row("phone", posted ? text(c.request().field("phone")) : text(now.phone())),
                new Row("latitude", posted ? text(c.request().field("latitude"))
                        : now.addressPoint() == null ? "" : String.valueOf(now.addressPoint().latitude())),
                new Row("longitude", posted ? text(c.request().field("longitude"))
                        : now.addressPoint() == null ? "" : String.valueOf(now.addressPoint().longitude())));
        String owner = posted ? text(c.request().field("owningLocation")) : card.owningLocation().map(LocationId::value).orElse("");
        List<Choice> places = new ArrayList<>();
        if (card.owningLocation().isEmpty()) {
            places.add(new Choice("", "None yet", owner.isEmpty()));
        }
        locations.locations(card.brand()).stream()
                .filter(l -> c.scope().sees(l.id()) || card.owningLocation().equals(Optional.of(l.id())))
                .forEach(l -> places.add(new Choice(l.id().value(), l.name() + " (" + l.id() + ")",
                        l.id().value().equals(owner))));
        ActionForm form = form(c, "customer", "Edit the customer", c.request().field("reason"), error, null);
        return OfficeResponse.html(status, Html.render(o -> JtecustomerGenerated.render(o, null, page, form, values, places)));
    }

    private OfficeResponse refusedAdjust(OfficeCall c, Card card, Reason reason, String detail) {
        if (reason == Reason.CARD_NOT_FOUND) {
            return c.notFound();
        }
        return adjustForm(c, card, c.request().field("amount"), c.request().field("reason"), message(reason, detail), 400);
    }

    private OfficeResponse refused(OfficeCall c, String what, Reason reason, String detail) {
        if (reason == Reason.CARD_NOT_FOUND) {
            return c.notFound();
        }
        return reasonForm(c, what, message(reason, detail), 400);
    }

    private OfficeResponse done(OfficeCall c, String heading, List<Row> rows) {
        Page page = c.page(heading, "search");
        String card = c.param("number");
        return OfficeResponse.ok(Html.render(o -> JtedoneGenerated.render(o, null, page, heading, card, rows)));
    }

    private ActionForm form(OfficeCall c, String path, String title, String reason, String error, String to) {
        // A new key every time a form is shown, also after a refusal: that action is over (its record settled), and
        // the corrected form is another action. Only the browser's resending of one shown form repeats a key.
        byte[] b = new byte[12];
        random.nextBytes(b);
        String key = "a" + HexFormat.of().formatHex(b);
        return new ActionForm(c.param("number"), path, title, key, reason == null ? "" : reason, error, to);
    }

    private static List<Row> entryRows(BalanceResult r, ValueType type) {
        long change = r.entry().posting().changes().stream().mapToLong(ch -> ch.balanceDelta()).sum();
        return List.of(new Row("Transaction", r.transactionId().value()), new Row("Type", r.entry().type().name()),
                new Row("When", r.at().toString()),
                new Row("Change", (change > 0 ? "+" : "") + type.format(change) + " " + type.key().asText()),
                new Row("Balance after", type.format(r.state().balance(type.key()).total()) + " " + type.key().asText()),
                new Row("Reason", r.entry().posting().origin().note().orElse("")));
    }

    /** A signed decimal amount in minor units ("-2.50" → -250), or empty when it is not one. */
    static Optional<Long> signedMinor(String text, int scale) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        boolean negative = t.startsWith("-");
        String digits = negative || t.startsWith("+") ? t.substring(1) : t;
        return DecimalAmounts.toMinor(digits, scale).map(m -> negative ? -m : m);
    }

    private static String message(Reason reason, String detail) {
        return switch (reason) {
            case INSUFFICIENT_FUNDS -> "The card does not have that much available: " + detail + ".";
            case BALANCE_LIMIT_EXCEEDED -> "That would take the balance above its limit: " + detail + ".";
            case CARD_NOT_ACTIVE -> "The card is not active: reactivate it first.";
            case INVALID_REQUEST -> "Check the form: " + detail + ".";
            case REQUEST_ID_REUSED -> "This form was sent already with other values: open it again.";
            default -> detail;
        };
    }

    private static String blank(OfficeCall c, String field) {
        String v = c.request().field(field);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
