package io.tally.backoffice.search;

import io.tally.backoffice.http.Html;
import io.tally.backoffice.http.OfficeCall;
import io.tally.backoffice.http.OfficeResponse;
import io.tally.backoffice.http.View.Page;
import io.tally.backoffice.search.ServiceViews.ActionLink;
import io.tally.backoffice.search.ServiceViews.BalanceRow;
import io.tally.backoffice.search.ServiceViews.CouponRow;
import io.tally.backoffice.search.ServiceViews.Fact;
import io.tally.backoffice.search.ServiceViews.HistoryRow;
import io.tally.backoffice.search.ServiceViews.HoldRow;
import io.tally.backoffice.templates.search.JtecardGenerated;
import io.tally.domain.backoffice.CardEngagementUseCase;
import io.tally.domain.backoffice.CardPage;
import io.tally.domain.backoffice.CustomerServiceUseCase;
import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.ledger.CardState;
import io.tally.domain.ledger.EntryType;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.LedgerLimits;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.staff.Permission;
import io.tally.domain.tenant.LocationId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The card page {@code /cards/{number}}: profile, balances and holds, history newest first with the balances after
 * each entry, coupons; links to the card actions for members who may act on cards. A card number that is malformed,
 * unknown, of another brand or outside the member's scope answers the one not-found page.
 */
final class CardPages {
    private static final Set<EntryType> VOIDABLE = Set.of(EntryType.ISSUE, EntryType.REDEEM, EntryType.CHECKOUT);

    private final CustomerServiceUseCase service;
    private final LoadProgramsPort programs;
    private final CardEngagementUseCase engagement;

    CardPages(CustomerServiceUseCase service, LoadProgramsPort programs, CardEngagementUseCase engagement) {
        this.service = service;
        this.programs = programs;
        this.engagement = engagement;
    }

    OfficeResponse card(OfficeCall call) {
        var number = CardNumber.parse(call.param("number"));
        if (!number.isAccepted()) {
            return call.notFound();
        }
        Optional<String> before = Optional.of(call.request().query("before")).filter(s -> !s.isEmpty());
        Optional<CardPage> found = service.cardPage(call.scope(), number.value(), before);
        if (found.isEmpty()) {
            return call.notFound();
        }
        ServiceViews.CardView view = view(found.get(), new Amounts(programs, call.scope().brand()),
                call.scope().can(Permission.ACT_ON_CARDS), before.isPresent(),
                EngagementViews.of(engagement.of(call.scope(), number.value())));
        Page page = call.page("Card " + view.number(), "search");
        return OfficeResponse.ok(Html.render(o -> JtecardGenerated.render(o, null, page, view)));
    }

    private static ServiceViews.CardView view(CardPage p, Amounts amounts, boolean acts, boolean older,
                                              ServiceViews.EngagementView engagement) {
        Card card = p.card();
        String base = "/cards/" + card.number().value();
        CardState now = p.view().state();
        List<BalanceRow> balances = now.balanceList().stream().map(b -> new BalanceRow(b.key().asText(),
                amounts.format(b.key().asText(), b.total()), amounts.format(b.key().asText(), b.held()),
                amounts.format(b.key().asText(), b.available()))).toList();
        List<HoldRow> holds = new ArrayList<>();
        now.balanceList().forEach(b -> b.holds().forEach(h -> holds.add(new HoldRow(b.key().asText(), h.id().value(),
                amounts.format(b.key().asText(), h.remaining()), Amounts.time(h.expiresAt())))));
        List<HistoryRow> history = p.history().stream().map(e -> history(e, amounts, now, acts, base)).toList();
        List<ActionLink> actions = acts ? List.of(new ActionLink(base + "/adjust", "Adjust a balance"),
                new ActionLink(base + "/status", card.status().name().equals("ACTIVE") ? "Deactivate" : "Change status"),
                new ActionLink(base + "/pin", "Reset the PIN"), new ActionLink(base + "/customer", "Edit the customer"),
                new ActionLink(base + "/welcome", "Resend the welcome e-mail")) : List.of();
        return new ServiceViews.CardView(card.number().value(), card.status().name(), customer(card.primaryCustomer(), card),
                card.alternateCustomer().map(c -> facts(c)).orElse(List.of()), facts(card.brandDemographics()),
                facts(card.customData()), facts(card.thirdPartyUsernames()), balances, holds, history,
                p.older().map(s -> base + "?before=" + URLEncoder.encode(s, StandardCharsets.UTF_8)).orElse(null),
                older ? base : null, coupons(p.coupons(), p.view().asOf()), actions, Amounts.time(p.view().asOf()),
                engagement);
    }

    private static HistoryRow history(LedgerEntry e, Amounts amounts, CardState now, boolean acts, String base) {
        String change = e.movements().stream().map(m -> amounts.change(m.key().asText(), m.balanceDelta())
                + (m.heldDelta() != 0 ? " (held " + amounts.change(m.key().asText(), m.heldDelta()) + ")" : ""))
                .collect(Collectors.joining(", "));
        boolean voidable = acts && VOIDABLE.contains(e.type()) && !now.isVoided(e.transactionId())
                && now.sequence() + 1 - e.sequence() <= LedgerLimits.VOID_WINDOW;
        return new HistoryRow(Amounts.time(e.time()), e.type().name().toLowerCase(Locale.ROOT),
                e.transactionId().value(), e.posting().origin().location().map(LocationId::value).orElse(null),
                change.isEmpty() ? "—" : change, amounts.balances(e.stateAfter()),
                voidable ? base + "/void?transactionId=" + e.transactionId().value() : null);
    }

    private static List<Fact> customer(Optional<Customer> holder, Card card) {
        List<Fact> facts = new ArrayList<>(holder.map(CardPages::facts).orElse(List.of()));
        card.customCardNumber().ifPresent(c -> facts.add(new Fact("Custom card number", c)));
        facts.add(new Fact("Card set", card.cardSet().value()));
        facts.add(new Fact("Program", card.program().value()));
        facts.add(new Fact("Owning location", card.owningLocation().map(LocationId::value).orElse("none")));
        card.activatedAt().ifPresent(t -> facts.add(new Fact("Activated", Amounts.time(t))));
        card.enrolledAt().ifPresent(t -> facts.add(new Fact("Enrolled", Amounts.time(t))));
        return facts;
    }

    private static List<Fact> facts(Customer c) {
        List<Fact> facts = new ArrayList<>();
        add(facts, "First name", c.firstName());
        add(facts, "Last name", c.lastName());
        add(facts, "E-mail", c.email());
        add(facts, "Phone", c.phone());
        String address = List.of(nz(c.address1()), nz(c.address2()), nz(c.city()), nz(c.state()), nz(c.postal()),
                nz(c.country())).stream().filter(s -> !s.isEmpty()).collect(Collectors.joining(", "));
        add(facts, "Address", address.isEmpty() ? null : address);
        add(facts, "Address coordinates", c.addressPoint() == null ? null
                : c.addressPoint().latitude() + ", " + c.addressPoint().longitude());
        add(facts, "Birth date", c.birthDate() == null ? null : c.birthDate().toString());
        add(facts, "Gender", c.gender());
        return facts;
    }

    private static List<Fact> facts(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> new Fact(e.getKey(), e.getValue())).toList();
    }

    private static void add(List<Fact> facts, String label, String value) {
        if (value != null) {
            facts.add(new Fact(label, value));
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static List<CouponRow> coupons(List<Coupon> coupons, Instant now) {
        return coupons.stream().map(c -> new CouponRow(c.code().value(), c.set().value(),
                c.validFrom().map(Amounts::time).orElse("—") + " to " + c.validTo().map(Amounts::time).orElse("—"),
                c.used().isPresent() ? "used " + Amounts.time(c.used().get().at())
                        : c.validTo().map(t -> t.isBefore(now)).orElse(false) ? "expired" : "available")).toList();
    }
}
