package io.tally.backoffice.setup;

import io.tally.backoffice.http.OfficeArea;
import io.tally.backoffice.http.OfficeCall;
import io.tally.backoffice.http.OfficeResponse;
import io.tally.backoffice.http.OfficeRouter;
import io.tally.backoffice.http.View.FieldError;
import io.tally.backoffice.setup.SetupView.Form;
import io.tally.backoffice.setup.SetupView.Input;
import io.tally.backoffice.setup.SetupView.Kind;
import io.tally.backoffice.setup.SetupView.Link;
import io.tally.backoffice.setup.SetupView.Option;
import io.tally.backoffice.setup.SetupView.Row;
import io.tally.backoffice.setup.SetupView.Table;
import io.tally.domain.communication.TemplatesUseCase;
import io.tally.domain.communication.rule.Rule;
import io.tally.domain.communication.rule.RulesUseCase;
import io.tally.domain.communication.rule.RulesUseCase.SaveCommand;
import io.tally.domain.communication.rule.RulesUseCase.Saved;
import io.tally.domain.communication.rule.Trigger;
import io.tally.domain.shared.DecimalAmounts;
import io.tally.domain.staff.Permission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /communications/rules}: the brand's triggered communications (issue 15). The list with each rule's trigger,
 * template, list, delay and state; a form to create one; a rule's page to edit it; pause and resume buttons. Reading
 * needs {@link Permission#READ_SETUP}, changing {@link Permission#MANAGE_SETUP} (the use case checks again and audits).
 */
public final class RulesPages implements OfficeArea {
    static final String BASE = "/communications/rules";
    static final String SAVED = "Saved. The rule fires from the next event or the next daily run.";
    private final RulesUseCase rules;
    private final TemplatesUseCase templates;

    public RulesPages(RulesUseCase rules, TemplatesUseCase templates) {
        this.rules = rules;
        this.templates = templates;
    }

    @Override
    public void register(OfficeRouter router) {
        router.get(BASE, Permission.READ_SETUP, c -> list(c, 200, Map.of()))
                .post(BASE, Permission.MANAGE_SETUP, c -> save(c, Optional.empty()))
                .get(BASE + "/{id}", Permission.READ_SETUP, c -> rule(c, 200, Map.of()))
                .post(BASE + "/{id}", Permission.MANAGE_SETUP, c -> save(c, Optional.of(c.param("id"))))
                .post(BASE + "/{id}/pause", Permission.MANAGE_SETUP, c -> pause(c, true))
                .post(BASE + "/{id}/resume", Permission.MANAGE_SETUP, c -> pause(c, false));
    }

    private OfficeResponse list(OfficeCall c, int status, Map<String, String> problems) {
        boolean manage = SetupPage.canManage(c);
        List<Row> rows = rules.list(c.scope()).stream().map(r -> new Row(List.of(r.name(), describe(r.trigger()),
                r.template(), r.list(), delay(r.delay()), r.active() ? "active" : "paused"),
                new Link(BASE + "/" + r.id(), (manage ? "Edit " : "Open ") + r.name()),
                manage ? new Link(BASE + "/" + r.id() + (r.active() ? "/pause" : "/resume") + "?version=" + r.version(),
                        (r.active() ? "Pause " : "Resume ") + r.name()) : null)).toList();
        Table table = new Table("Rules", List.of("Name", "Trigger", "Template", "List", "Delay", "State", "Actions"), rows,
                "No rules yet.");
        return SetupPage.show(c, status, "Rules", "Triggered communications: when the trigger happens to a card, the "
                        + "template goes to its member once per trigger, after the delay. A paused rule sends nothing, also "
                        + "what it fired before and is still waiting out its delay.", List.of(table),
                List.of(form(c, "New rule", BASE, "Create rule", null, problems)), errors(problems), SAVED);
    }

    private OfficeResponse rule(OfficeCall c, int status, Map<String, String> problems) {
        Optional<Rule> rule = rules.find(c.scope(), c.param("id"));
        if (rule.isEmpty()) {
            return c.notFound();
        }
        Rule r = rule.get();
        return SetupPage.show(c, status, "Rule " + r.name(), (r.active() ? "Active" : "Paused") + "; last saved "
                        + r.updatedAt() + ".", List.of(), List.of(form(c, "Edit " + r.name(), BASE + "/" + r.id()
                        + "?version=" + r.version(), "Save rule", r, problems)), errors(problems), SAVED);
    }

    private Form form(OfficeCall c, String heading, String action, String submit, Rule r, Map<String, String> problems) {
        boolean posted = c.request().method().equals("POST") && !problems.isEmpty();
        Trigger t = r == null ? new Trigger.Enrollment() : r.trigger();
        List<Option> kinds = RulesUseCase.KINDS.stream().map(k -> new Option(k, kindLabel(k))).toList();
        List<Option> templateOptions = templates.list(c.scope()).stream().map(s -> new Option(s.id(), s.name())).toList();
        List<Option> lists = rules.lists(c.scope()).stream().map(l -> new Option(l.id(), l.name()
                + (l.transactional() ? " (transactional)" : " (subscription)"))).toList();
        List<Option> valueTypes = new ArrayList<>(List.of(new Option("", "(balance rules only)")));
        rules.valueTypes(c.scope()).forEach(v -> valueTypes.add(new Option(v, v)));
        List<Option> units = RulesUseCase.UNITS.stream().map(u -> new Option(u, u)).toList();
        Duration d = r == null ? Duration.ZERO : r.delay();
        String[] delay = d.toMinutes() % 1440 == 0 ? new String[] {Long.toString(d.toDays()), "days"}
                : d.toMinutes() % 60 == 0 ? new String[] {Long.toString(d.toHours()), "hours"}
                : new String[] {Long.toString(d.toMinutes()), "minutes"};
        return new Form(heading, action, submit, List.of(
                input(c, posted, problems, "name", "Name", Kind.TEXT, r == null ? "" : r.name(), List.of(), null),
                input(c, posted, problems, "kind", "Trigger", Kind.SELECT, kindOf(t), kinds, null),
                input(c, posted, problems, "minimum", "Checkout: minimum total", Kind.TEXT,
                        t instanceof Trigger.Checkout k ? k.minimum().map(m -> DecimalAmounts.toDecimal(m, 4)
                                .stripTrailingZeros().toPlainString()).orElse("") : "", List.of(),
                        "in the checkout currency, e.g. 25.00; empty: any checkout"),
                input(c, posted, problems, "category", "Event: category", Kind.TEXT,
                        t instanceof Trigger.Event e ? e.category() : "", List.of(), "as recordEvent names it"),
                input(c, posted, problems, "valueType", "Balance: value type", Kind.SELECT,
                        t instanceof Trigger.Balance b ? b.valueType().asText() : "", valueTypes, null),
                input(c, posted, problems, "threshold", "Balance: threshold", Kind.TEXT,
                        t instanceof Trigger.Balance b ? threshold(c, b) : "", List.of(),
                        "fires when the balance goes from below it to at least it, in the value type's decimal form"),
                input(c, posted, problems, "days", "Days without a visit", Kind.TEXT,
                        t instanceof Trigger.Lapsed l ? Integer.toString(l.days()) : "", List.of(),
                        "no ledger activity for this many days"),
                input(c, posted, problems, "template", "Template", Kind.SELECT, r == null ? "" : r.template(),
                        templateOptions, "the version current when the rule fires is sent"),
                input(c, posted, problems, "list", "List", Kind.SELECT, r == null ? "" : r.list(), lists,
                        "a subscription list's members who left it get nothing"),
                input(c, posted, problems, "delay", "Delay", Kind.TEXT, delay[0], List.of(),
                        "0 to " + Rule.MAX_DELAY.toDays() + " days"),
                input(c, posted, problems, "unit", "Delay unit", Kind.SELECT, delay[1], units, null)));
    }

    private String threshold(OfficeCall c, Trigger.Balance b) {
        return rules.scale(c.scope(), b.valueType()).map(s -> DecimalAmounts.toDecimal(b.threshold(), s).toPlainString())
                .orElse(Long.toString(b.threshold()));
    }

    private static Input input(OfficeCall c, boolean posted, Map<String, String> problems, String name, String label,
                               Kind kind, String stored, List<Option> options, String hint) {
        return new Input(name, label, kind, posted ? c.request().field(name) : stored, options, hint,
                name.equals("name") || name.equals("template") || name.equals("list"), problems.get(name));
    }

    private OfficeResponse save(OfficeCall c, Optional<String> id) {
        var f = c.request();
        Saved saved = rules.save(c.scope(), new SaveCommand(id, f.field("name"), f.field("kind"), f.field("minimum"),
                f.field("category"), f.field("valueType"), f.field("threshold"), f.field("days"), f.field("template"),
                f.field("list"), f.field("delay"), f.field("unit"), version(c)));
        if (saved instanceof Saved.Done done) {
            return OfficeResponse.redirect(BASE + "/" + done.rule().id() + "?saved=1");
        }
        Map<String, String> problems = saved instanceof Saved.Invalid invalid ? invalid.problems()
                : Map.of("name", saved instanceof Saved.Conflict ? "Someone saved this rule since you opened it: open it "
                + "again to see their changes." : "You may not change rules.");
        return id.isEmpty() ? list(c, 400, problems) : rule(c, 400, problems);
    }

    private OfficeResponse pause(OfficeCall c, boolean pause) {
        Saved saved = rules.pause(c.scope(), c.param("id"), pause, version(c));
        if (saved instanceof Saved.Done) {
            return OfficeResponse.redirect(BASE + "?saved=1");
        }
        return list(c, 400, Map.of("name", saved instanceof Saved.Conflict ? "Someone changed this rule since you "
                + "opened the page: look again." : "You may not change rules."));
    }

    private static long version(OfficeCall c) {
        try {
            return Long.parseLong(c.request().query("version"));
        } catch (NumberFormatException none) {
            return 0; // a form without its version: refused as a conflict
        }
    }

    static String kindOf(Trigger t) {
        return t.text().split(":", 2)[0];
    }

    private static String kindLabel(String kind) {
        return switch (kind) {
            case "enrollment" -> "On enrollment";
            case "birthday" -> "On the birthday";
            case "anniversary" -> "On the enrollment anniversary";
            case "checkout" -> "On a checkout";
            case "event" -> "On an event of a category";
            case "balance" -> "On a balance reaching a threshold";
            default -> "After days without a visit";
        };
    }

    static String describe(Trigger t) {
        if (t instanceof Trigger.Checkout c) {
            return "checkout" + c.minimum().map(m -> " of at least " + DecimalAmounts.toDecimal(m, 4)
                    .stripTrailingZeros().toPlainString()).orElse("");
        }
        if (t instanceof Trigger.Event e) {
            return "event " + e.category();
        }
        if (t instanceof Trigger.Balance b) {
            return b.valueType().asText() + " reaching " + b.threshold() + " (minor units)";
        }
        if (t instanceof Trigger.Lapsed l) {
            return l.days() + " days without a visit";
        }
        return kindLabel(kindOf(t)).toLowerCase(Locale.ROOT);
    }

    static String delay(Duration d) {
        if (d.isZero()) {
            return "none";
        }
        return d.toMinutes() % 1440 == 0 ? d.toDays() + " days" : d.toMinutes() % 60 == 0 ? d.toHours() + " hours"
                : d.toMinutes() + " minutes";
    }

    private static List<FieldError> errors(Map<String, String> problems) {
        return problems.entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList();
    }
}
