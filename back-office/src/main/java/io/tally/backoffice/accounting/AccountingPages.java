package io.tally.backoffice.accounting;

import io.tally.backoffice.accounting.AccountingTables.Table;
import io.tally.backoffice.http.FormDates;
import io.tally.backoffice.http.Html;
import io.tally.backoffice.http.OfficeArea;
import io.tally.backoffice.http.OfficeCall;
import io.tally.backoffice.http.OfficeResponse;
import io.tally.backoffice.http.OfficeRouter;
import io.tally.backoffice.http.View.FieldError;
import io.tally.backoffice.http.View.Page;
import io.tally.backoffice.templates.accounting.JteactivityGenerated;
import io.tally.backoffice.templates.accounting.JtebalancesGenerated;
import io.tally.domain.program.ProgramKind;
import io.tally.domain.report.AccountingQuery;
import io.tally.domain.report.AccountingQuery.Grouping;
import io.tally.domain.report.AccountingUseCase;
import io.tally.domain.shared.Outcome;
import io.tally.domain.staff.Permission;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /admin/accounting}: the brand's activity over a period ({@code /accounting}) and its outstanding balances at
 * the end of a day ({@code /accounting/balances}), grouped as chosen, optionally for one kind of program, each with a
 * CSV download of exactly the table shown ({@code .csv}). Plain GET forms: every view has its own URL and works without
 * JavaScript. {@link AccountingUseCase} applies the member's scope (a manager: their groups' locations only).
 */
public final class AccountingPages implements OfficeArea {
    private final AccountingUseCase accounting;

    public AccountingPages(AccountingUseCase accounting) {
        this.accounting = accounting;
    }

    /** A choice of a select. */
    public record Choice(String value, String label, boolean selected) {
    }

    @Override
    public void register(OfficeRouter router) {
        router.get("/accounting", Permission.VIEW_ACCOUNTING, this::activity)
                .get("/accounting/activity.csv", Permission.VIEW_ACCOUNTING, this::activityCsv)
                .get("/accounting/balances", Permission.VIEW_ACCOUNTING, this::balances)
                .get("/accounting/balances.csv", Permission.VIEW_ACCOUNTING, this::balancesCsv);
    }

    private OfficeResponse activity(OfficeCall call) {
        View v = view(call, true);
        Page page = call.page("Accounting: activity", "accounting");
        return OfficeResponse.html(v.form().status(), Html.render(o -> JteactivityGenerated.render(o, null, page,
                v.form().shown(), groupings(v.form(), true), kinds(v.form()), v.table().orElse(null), v.csv(),
                v.form().errorsOrNull(), !call.scope().brandWide(), AccountingUseCase.MAX_DAYS)));
    }

    private OfficeResponse balances(OfficeCall call) {
        View v = view(call, false);
        Page page = call.page("Accounting: outstanding balances", "accounting");
        return OfficeResponse.html(v.form().status(), Html.render(o -> JtebalancesGenerated.render(o, null, page,
                v.form().shown(), groupings(v.form(), false), kinds(v.form()), v.table().orElse(null), v.csv(),
                v.form().errorsOrNull(), !call.scope().brandWide())));
    }

    private OfficeResponse activityCsv(OfficeCall call) {
        return csv(call, true);
    }

    private OfficeResponse balancesCsv(OfficeCall call) {
        return csv(call, false);
    }

    /** The table of the page with the same query, as a file; a query the page would refuse answers the page. */
    private OfficeResponse csv(OfficeCall call, boolean activity) {
        View v = view(call, activity);
        if (v.table().isEmpty()) {
            return activity ? activity(call) : balances(call);
        }
        Map<String, String> f = v.form().shown();
        String name = "accounting-" + (activity ? "activity-" + f.get("from") + "-to-" + f.get("to")
                : "balances-" + f.get("to")) + "-" + f.get("by").toLowerCase(Locale.ROOT).replace('_', '-')
                + (f.get("kind").isEmpty() ? "" : "-" + f.get("kind").toLowerCase(Locale.ROOT)) + ".csv";
        Table table = v.table().get();
        return OfficeResponse.download("text/csv; charset=utf-8", name, Csv.of(table.header(), table.rows()));
    }

    /** What a page shows: the form as typed, the table (none when the form was refused) and its CSV link. */
    private record View(Form form, Optional<Table> table, String csv) {
    }

    private View view(OfficeCall call, boolean activity) {
        Form form = Form.read(call, activity, accounting.today(call.scope()));
        Optional<Table> table = form.query().flatMap(q -> shown(activity
                ? accounting.activity(call.scope(), q).map(AccountingTables::activity)
                : accounting.balances(call.scope(), q).map(AccountingTables::balances), form));
        String csv = table.isEmpty() ? null
                : (activity ? "/accounting/activity.csv?" : "/accounting/balances.csv?") + form.queryString();
        return new View(form, table, csv);
    }

    private static Optional<Table> shown(Outcome<Table> outcome, Form form) {
        if (outcome instanceof Outcome.Rejected<Table> r) {
            form.errors().add(new FieldError(form.activity() ? "from" : "to", r.rejection().detail()));
            return Optional.empty();
        }
        return Optional.of(outcome.value());
    }

    private static List<Choice> groupings(Form form, boolean activity) {
        return Arrays.stream(Grouping.values()).filter(g -> activity || g.forBalances())
                .map(g -> new Choice(g.name(), g.label(), g.name().equals(form.shown().get("by")))).toList();
    }

    private static List<Choice> kinds(Form form) {
        List<Choice> kinds = new ArrayList<>();
        kinds.add(new Choice("", "All programs", form.shown().get("kind").isEmpty()));
        for (ProgramKind k : ProgramKind.values()) {
            String label = k.name().charAt(0) + k.name().substring(1).toLowerCase(Locale.ROOT) + " programs";
            kinds.add(new Choice(k.name(), label, k.name().equals(form.shown().get("kind"))));
        }
        return kinds;
    }

    /**
     * The view's fields as typed (defaults: this month so far, the overview, all programs) and what is wrong with them.
     * The balances page reads only {@code to} (the day whose end it shows).
     */
    private record Form(boolean activity, Map<String, String> shown, List<FieldError> errors,
                        Optional<AccountingQuery> query) {
        static Form read(OfficeCall call, boolean activity, LocalDate today) {
            var q = call.request();
            Map<String, String> shown = new LinkedHashMap<>();
            if (activity) {
                shown.put("from", q.query("from").isBlank() ? today.withDayOfMonth(1).toString() : q.query("from").strip());
            }
            shown.put("to", q.query("to").isBlank() ? today.toString() : q.query("to").strip());
            shown.put("by", q.query("by").isBlank() ? Grouping.OVERVIEW.name() : q.query("by").strip());
            shown.put("kind", q.query("kind").strip());
            List<FieldError> errors = new ArrayList<>();
            Optional<LocalDate> to = FormDates.parse(shown.get("to"), "to", activity ? "end" : "day's", errors);
            Optional<LocalDate> from = activity ? FormDates.parse(shown.get("from"), "from", "start", errors) : to;
            Optional<Grouping> by = Arrays.stream(Grouping.values())
                    .filter(g -> g.name().equals(shown.get("by")) && (activity || g.forBalances())).findFirst();
            if (by.isEmpty()) {
                errors.add(new FieldError("by", "Choose a grouping from the list."));
            }
            Optional<ProgramKind> kind = Arrays.stream(ProgramKind.values())
                    .filter(k -> k.name().equals(shown.get("kind"))).findFirst();
            if (kind.isEmpty() && !shown.get("kind").isEmpty()) {
                errors.add(new FieldError("kind", "Choose the programs from the list."));
            }
            Optional<AccountingQuery> query = errors.isEmpty()
                    ? Optional.of(new AccountingQuery(from.get(), to.get(), by.get(), kind)) : Optional.empty();
            return new Form(activity, shown, errors, query);
        }

        int status() {
            return errors.isEmpty() ? 200 : 400;
        }

        List<FieldError> errorsOrNull() {
            return errors.isEmpty() ? null : errors;
        }

        String queryString() {
            return shown.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }
    }
}
