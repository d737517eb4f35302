package io.tally.backoffice.search;

import io.tally.backoffice.http.FormDates;
import io.tally.backoffice.http.Html;
import io.tally.backoffice.http.OfficeArea;
import io.tally.backoffice.http.OfficeCall;
import io.tally.backoffice.http.OfficeResponse;
import io.tally.backoffice.http.OfficeRouter;
import io.tally.backoffice.http.View.FieldError;
import io.tally.backoffice.http.View.Page;
import io.tally.backoffice.search.ServiceViews.CardRow;
import io.tally.backoffice.search.ServiceViews.Option;
import io.tally.backoffice.search.ServiceViews.TransactionRow;
import io.tally.backoffice.templates.search.JtelookupGenerated;
import io.tally.backoffice.templates.search.JtesearchGenerated;
import io.tally.backoffice.templates.search.JtetransactionsGenerated;
import io.tally.domain.backoffice.BrandTransaction;
import io.tally.domain.backoffice.CardFinder;
import io.tally.domain.backoffice.CardEngagementUseCase;
import io.tally.domain.backoffice.CustomerServiceUseCase;
import io.tally.domain.backoffice.TransactionFilter;
import io.tally.domain.backoffice.TransactionsPage;
import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.shared.Outcome;
import io.tally.domain.staff.Permission;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.LocationsPort;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Customer service's pages: {@code /search} (cards by number or custom number; customers by name prefix, e-mail,
 * phone, third-party username), {@code /lookup} (request ref, external transaction id), {@code /transactions}
 * (timeframe, type, location, program, card set; paged) and the card page {@code /cards/{number}}
 * ({@link CardPages}). Every read goes through {@link CustomerServiceUseCase} with the member's scope: something
 * outside it is answered like something that does not exist.
 */
public final class CustomerServicePages implements OfficeArea {
    private final CustomerServiceUseCase service;
    private final LoadProgramsPort programs;
    private final LocationsPort locations;
    private final CardPages cardPages;
    private final Clock clock;

    public CustomerServicePages(CustomerServiceUseCase service, LoadProgramsPort programs, LocationsPort locations,
                                Clock clock, CardEngagementUseCase engagement) {
        this.service = service;
        this.programs = programs;
        this.locations = locations;
        this.cardPages = new CardPages(service, programs, engagement);
        this.clock = clock;
    }

    @Override
    public void register(OfficeRouter router) {
        router.get("/search", Permission.READ_CARDS, this::search)
                .get("/lookup", Permission.READ_CARDS, this::lookup)
                .get("/transactions", Permission.READ_CARDS, this::transactions)
                .get("/cards/{number}", Permission.READ_CARDS, cardPages::card);
    }

    private OfficeResponse search(OfficeCall call) {
        String typed = call.request().query("q");
        CardFinder finder = Arrays.stream(CardFinder.values()).filter(f -> f.name().equals(call.request().query("by")))
                .findFirst().orElse(CardFinder.LAST_NAME);
        List<Option> finders = Arrays.stream(CardFinder.values())
                .map(f -> new Option(f.name(), f.label(), f == finder)).toList();
        Page page = call.page("Customer service", "search");
        if (typed.isBlank() && call.request().query("by").isEmpty()) {
            return OfficeResponse.ok(Html.render(o -> JtesearchGenerated.render(o, null, page, finders, "", List.of(),
                    null, false)));
        }
        Outcome<List<Card>> found = service.find(call.scope(), finder, typed);
        if (found instanceof Outcome.Rejected<List<Card>> r) {
            List<FieldError> errors = List.of(new FieldError("q", r.rejection().detail()));
            return OfficeResponse.html(400, Html.render(o -> JtesearchGenerated.render(o, null, page, finders, typed,
                    List.of(), errors, false)));
        }
        List<CardRow> rows = found.value().stream().map(CustomerServicePages::row).toList();
        return OfficeResponse.ok(Html.render(o -> JtesearchGenerated.render(o, null, page, finders, typed, rows, null, true)));
    }

    private static CardRow row(Card c) {
        var holder = c.primaryCustomer();
        String name = holder.map(h -> String.join(" ", nonNull(h.firstName()), nonNull(h.lastName())).strip())
                .filter(n -> !n.isEmpty()).orElse(null);
        return new CardRow(c.number().value(), "/cards/" + c.number().value(), name,
                holder.map(h -> h.email()).orElse(null), holder.map(h -> h.phone()).orElse(null), c.status().name());
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private OfficeResponse lookup(OfficeCall call) {
        String by = call.request().query("by").equals("external") ? "external" : "ref";
        String typed = call.request().query("q");
        List<Option> kinds = List.of(new Option("ref", "Request ref", by.equals("ref")),
                new Option("external", "External transaction id", by.equals("external")));
        Page page = call.page("Look up a transaction", "search");
        if (typed.isBlank()) {
            List<FieldError> errors = call.request().query().containsKey("q")
                    ? List.of(new FieldError("q", "Type the request ref or external transaction id.")) : null;
            return OfficeResponse.html(errors == null ? 200 : 400, Html.render(o -> JtelookupGenerated.render(o, null, page,
                    kinds, "", List.of(), errors, false)));
        }
        List<BrandTransaction> found = by.equals("ref") ? service.byRequestRef(call.scope(), typed)
                : service.byExternalTransactionId(call.scope(), typed);
        List<TransactionRow> rows = rows(call, found);
        return OfficeResponse.ok(Html.render(o -> JtelookupGenerated.render(o, null, page, kinds, typed, rows, null, true)));
    }

    private List<TransactionRow> rows(OfficeCall call, List<BrandTransaction> found) {
        Amounts amounts = new Amounts(programs, call.scope().brand());
        return found.stream().map(t -> new TransactionRow(Amounts.time(t.at()), t.type(), t.card().value(),
                "/cards/" + t.card().value(), t.location().map(LocationId::value).orElse(null),
                t.balanceChanges().entrySet().stream().map(e -> amounts.change(e.getKey(), e.getValue()))
                        .collect(Collectors.joining(", ")),
                t.transactionId(), t.requestRef().orElse(null), t.externalTransactionId().orElse(null))).toList();
    }

    private OfficeResponse transactions(OfficeCall call) {
        var q = call.request();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        String fromText = q.query("from").isEmpty() ? today.minusDays(30).toString() : q.query("from");
        String toText = q.query("to").isEmpty() ? today.toString() : q.query("to");
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("from", fromText);
        shown.put("to", toText);
        shown.put("type", q.query("type"));
        shown.put("location", q.query("location"));
        shown.put("program", q.query("program"));
        shown.put("cardSet", q.query("cardSet"));
        List<FieldError> errors = new ArrayList<>();
        Optional<LocalDate> from = FormDates.parse(fromText, "from", "start", errors);
        Optional<LocalDate> to = FormDates.parse(toText, "to", "end", errors);
        String type = q.query("type");
        if (!type.isEmpty() && !TransactionFilter.TYPES.contains(type)) {
            errors.add(new FieldError("type", "Choose a transaction type from the list."));
        }
        Page page = call.page("Transactions", "transactions");
        TransactionsPage result = null;
        if (errors.isEmpty()) {
            TransactionFilter filter = new TransactionFilter(from.get().atStartOfDay().toInstant(ZoneOffset.UTC),
                    to.get().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                    type.isEmpty() ? Set.of() : Set.of(type), optional(q.query("location")).map(LocationId::new),
                    optional(q.query("program")), optional(q.query("cardSet")), optional(q.query("cursor")));
            Outcome<TransactionsPage> page1 = service.transactions(call.scope(), filter);
            if (page1 instanceof Outcome.Rejected<TransactionsPage> r) {
                errors.add(new FieldError("from", r.rejection().detail()));
            } else {
                result = page1.value();
            }
        }
        List<TransactionRow> rows = result == null ? List.of() : rows(call, result.transactions());
        String next = result == null ? null : result.next().map(c -> "/transactions?" + query(shown, c)).orElse(null);
        List<Option> types = new ArrayList<>();
        types.add(new Option("", "All types", type.isEmpty()));
        TransactionFilter.TYPES.forEach(t -> types.add(new Option(t, t, t.equals(type))));
        List<Option> places = new ArrayList<>();
        places.add(new Option("", "All locations", q.query("location").isEmpty()));
        locations.locations(call.scope().brand()).stream().filter(l -> call.scope().sees(l.id()))
                .forEach(l -> places.add(new Option(l.id().value(), l.name(), l.id().value().equals(q.query("location")))));
        List<Option> programChoices = new ArrayList<>();
        programChoices.add(new Option("", "All programs", q.query("program").isEmpty()));
        programs.catalogue(call.scope().brand()).programs().forEach(p -> programChoices.add(new Option(p.id().value(),
                p.name(), p.id().value().equals(q.query("program")))));
        int status = errors.isEmpty() ? 200 : 400;
        List<FieldError> shownErrors = errors.isEmpty() ? null : errors;
        return OfficeResponse.html(status, Html.render(o -> JtetransactionsGenerated.render(o, null, page, shown, types,
                places, programChoices, rows, next, shownErrors, rows.size())));
    }

    private static Optional<String> optional(String text) {
        return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    private static String query(Map<String, String> params, String cursor) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("cursor", cursor);
        return all.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
