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
import io.tally.backoffice.setup.SetupView.Row;
import io.tally.backoffice.setup.SetupView.Table;
import io.tally.domain.backoffice.PortalSetupUseCase;
import io.tally.domain.card.CardNumber;
import io.tally.domain.communication.EmailTemplate;
import io.tally.domain.communication.TemplatesUseCase;
import io.tally.domain.communication.TemplatesUseCase.Rendered;
import io.tally.domain.communication.TemplatesUseCase.SaveCommand;
import io.tally.domain.communication.TemplatesUseCase.Saved;
import io.tally.domain.communication.TestList;
import io.tally.domain.communication.TestListsUseCase;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.portal.SubscriptionList;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Outcome.Rejected;
import io.tally.domain.staff.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Communications in the setup section: {@code /setup/lists} (the brand's e-mail lists: create, rename, archive and
 * restore subscription lists; the transactional list is shown, never changed) and {@code /setup/templates} (e-mail
 * templates with merge fields, and a preview for a chosen card) and {@code /setup/test-lists} (card numbers of test
 * users). Reading needs {@link Permission#READ_SETUP}, changes and
 * previews {@link Permission#MANAGE_SETUP}; the use cases check again.
 */
public final class CommunicationArea implements OfficeArea {
    static final String LISTS_SAVED = "Saved. The preferences page and sends use it from the next request.";
    static final String TEMPLATE_SAVED = "Saved.";
    private static final String NO_PORTAL = "This brand has no member portal yet: provision one with the seed file first.";
    private final PortalSetupUseCase portal;
    private final TemplatesUseCase templates;
    private final TestListsUseCase testLists;

    public CommunicationArea(PortalSetupUseCase portal, TemplatesUseCase templates, TestListsUseCase testLists) {
        this.portal = portal;
        this.templates = templates;
        this.testLists = testLists;
    }

    @Override
    public void register(OfficeRouter router) {
        router.get("/setup/lists", Permission.READ_SETUP, c -> lists(c, 200, List.of()))
                .post("/setup/lists", Permission.MANAGE_SETUP, c -> SetupPage.afterPost(c, portal.createList(c.scope(),
                        c.request().field("id"), c.request().field("name"), c.request().field("defaultOn").equals("on")),
                        "/setup/lists", e -> lists(c, 400, e), "id"))
                .get("/setup/lists/{id}", Permission.MANAGE_SETUP, c -> rename(c, 200, List.of()))
                .post("/setup/lists/{id}", Permission.MANAGE_SETUP, c -> SetupPage.afterPost(c,
                        portal.renameList(c.scope(), c.param("id"), c.request().field("name")), "/setup/lists",
                        e -> rename(c, 400, e), "name"))
                .post("/setup/lists/{id}/archive", Permission.MANAGE_SETUP, c -> SetupPage.afterPost(c,
                        portal.archiveList(c.scope(), c.param("id"), true), "/setup/lists", e -> lists(c, 400, e), "id"))
                .post("/setup/lists/{id}/restore", Permission.MANAGE_SETUP, c -> SetupPage.afterPost(c,
                        portal.archiveList(c.scope(), c.param("id"), false), "/setup/lists", e -> lists(c, 400, e), "id"))
                .get("/setup/templates", Permission.READ_SETUP, c -> templates(c, 200, Map.of()))
                .post("/setup/templates", Permission.MANAGE_SETUP, c -> save(c, Optional.empty()))
                .get("/setup/templates/{id}", Permission.READ_SETUP, c -> template(c, 200, Map.of(), null))
                .post("/setup/templates/{id}", Permission.MANAGE_SETUP, c -> save(c, Optional.of(c.param("id"))))
                .post("/setup/templates/{id}/preview", Permission.MANAGE_SETUP, this::preview)
                .get("/setup/test-lists", Permission.READ_SETUP, c -> testLists(c, 200, List.of()))
                .post("/setup/test-lists", Permission.MANAGE_SETUP, c -> SetupPage.afterPost(c, testLists.save(c.scope(),
                        Optional.empty(), c.request().field("name"), c.request().field("cards"), 0), "/setup/test-lists",
                        e -> testLists(c, 400, e), "name"))
                .get("/setup/test-lists/{id}", Permission.MANAGE_SETUP, c -> testList(c, 200, List.of()))
                .post("/setup/test-lists/{id}", Permission.MANAGE_SETUP, c -> SetupPage.afterPost(c, testLists.save(c.scope(),
                        Optional.of(c.param("id")), c.request().field("name"), c.request().field("cards"),
                        version(c)), "/setup/test-lists", e -> testList(c, 400, e), "name"));
    }

    private OfficeResponse testLists(OfficeCall c, int status, List<FieldError> errors) {
        boolean manage = SetupPage.canManage(c);
        Table table = new Table("Test lists", manage ? List.of("Name", "Cards", "Actions") : List.of("Name", "Cards"),
                testLists.list(c.scope()).stream().map(l -> Row.of(List.of(l.name(), String.join(", ",
                        l.cards().stream().map(CardNumber::value).toList())), manage ? new Link("/setup/test-lists/" + l.id(),
                        "Edit " + l.name()) : null)).toList(), "No test lists yet.");
        Form create = testListForm("New test list", "/setup/test-lists", "Create test list", "", "");
        return SetupPage.show(c, status, "Test lists", "The card numbers of test users: a send's test goes to their "
                + "e-mail addresses first.", List.of(table), List.of(status == 200 ? create
                : SetupPage.withPosted(c, create, errors)), errors, LISTS_SAVED);
    }

    private OfficeResponse testList(OfficeCall c, int status, List<FieldError> errors) {
        Optional<TestList> list = testLists.find(c.scope(), c.param("id"));
        if (list.isEmpty()) {
            return c.notFound();
        }
        Form form = testListForm("Edit " + list.get().name(), "/setup/test-lists/" + list.get().id() + "?version="
                + list.get().version(), "Save test list", list.get().name(), String.join("\n",
                list.get().cards().stream().map(CardNumber::value).toList()));
        return SetupPage.show(c, status, "Test list " + list.get().name(), "", List.of(),
                List.of(status == 200 ? form : SetupPage.withPosted(c, form, errors)), errors, LISTS_SAVED);
    }

    private static Form testListForm(String heading, String action, String submit, String name, String cards) {
        return new Form(heading, action, submit, List.of(Input.text("name", "Name", name, true, null),
                Input.of("cards", "Card numbers", Kind.TEXTAREA, cards, "one a line, at most " + TestList.MAX_CARDS
                        + "; each must be one of the brand's cards")));
    }

    private static long version(OfficeCall c) {
        try {
            return Long.parseLong(c.request().query("version"));
        } catch (NumberFormatException none) {
            return 0; // a form without its version: the save is refused as a conflict
        }
    }

    private OfficeResponse lists(OfficeCall c, int status, List<FieldError> errors) {
        Optional<PortalConfig> config = portal.portal(c.scope());
        if (config.isEmpty()) {
            return SetupPage.show(c, status, "E-mail lists", NO_PORTAL, List.of(), List.of(), errors,
                    LISTS_SAVED);
        }
        boolean manage = SetupPage.canManage(c);
        List<Row> rows = config.get().subscriptionLists().stream().map(l -> new Row(List.of(l.name(), l.id(), kind(l),
                l.defaultOn() || l.transactional() ? "on" : "off", l.archived() ? "archived" : "in use"),
                manage && !l.transactional() ? new Link("/setup/lists/" + l.id(), "Rename " + l.name()) : null,
                manage && !l.transactional() ? new Link("/setup/lists/" + l.id() + (l.archived() ? "/restore" : "/archive"),
                        (l.archived() ? "Restore " : "Archive ") + l.name()) : null)).toList();
        Table table = new Table("The brand's e-mail lists", manage ? List.of("Name", "Id", "Kind", "Recipients who never chose",
                "Status", "Actions") : List.of("Name", "Id", "Kind", "Recipients who never chose", "Status"), rows,
                "No lists yet.");
        Form create = new Form("New subscription list", "/setup/lists", "Create list", List.of(
                Input.text("id", "List id", "", true, "letters, digits, '-' or '_'; fixed once created"),
                Input.text("name", "Name members see", "", true, null),
                Input.of("defaultOn", "On for recipients who never chose", Kind.CHECKBOX, "", null)));
        return SetupPage.show(c, status, "E-mail lists", "Subscription lists are promotional and opt-in: members join and "
                        + "leave them on the preferences page and with the unsubscribe link of every e-mail. Every contact is on "
                        + "the transactional list and cannot leave it. An archived list sends nothing and keeps its members' "
                        + "choices.", List.of(table), List.of(status == 200 ? create : SetupPage.withPosted(c, create, errors)),
                errors, LISTS_SAVED);
    }

    private static String kind(SubscriptionList l) {
        return l.transactional() ? "transactional (every contact)" : "subscription (opt-in)";
    }

    private OfficeResponse rename(OfficeCall c, int status, List<FieldError> errors) {
        Optional<SubscriptionList> list = portal.portal(c.scope()).flatMap(p -> p.list(c.param("id")))
                .filter(SubscriptionList::promotional);
        if (list.isEmpty()) {
            return c.notFound();
        }
        Form form = new Form("Rename " + list.get().name(), "/setup/lists/" + list.get().id(), "Save name", List.of(
                Input.text("name", "Name members see", list.get().name(), true, null)));
        return SetupPage.show(c, status, "E-mail list " + list.get().id(), "The id stays; members keep their choices.",
                List.of(), List.of(status == 200 ? form : SetupPage.withPosted(c, form, errors)), errors, LISTS_SAVED);
    }

    private OfficeResponse templates(OfficeCall c, int status, Map<String, String> problems) {
        boolean manage = SetupPage.canManage(c);
        Table table = new Table("Templates", List.of("Name", "Subject", "Last saved", "Actions"),
                templates.list(c.scope()).stream().map(t -> Row.of(List.of(t.name(), t.subject(), t.updatedAt().toString()),
                        new Link("/setup/templates/" + t.id(), (manage ? "Edit " : "Open ") + t.name()))).toList(),
                "No templates yet.");
        return SetupPage.show(c, status, "E-mail templates", "Subject, HTML and text parts with merge fields, e.g. "
                        + "{{customer.firstName | friend}} or {{balance Points}}. The HTML is cleaned when saved: no scripts, "
                        + "event handlers, forms or javascript: links.", List.of(table, fields(c)),
                List.of(form(c, "New template", "/setup/templates", "Create template", null, problems)), errors(problems),
                TEMPLATE_SAVED);
    }

    private OfficeResponse template(OfficeCall c, int status, Map<String, String> problems, Rendered preview) {
        Optional<EmailTemplate> t = templates.find(c.scope(), c.param("id"));
        if (t.isEmpty()) {
            return c.notFound();
        }
        List<Table> tables = new ArrayList<>();
        if (preview != null) {
            tables.add(new Table("Preview for card " + c.request().field("card"), List.of("Part", "As the card's member "
                    + "would get it (HTML shown as source)"), List.of(Row.of(List.of("Subject", preview.subject()), null),
                    Row.of(List.of("Text part", preview.text()), null), Row.of(List.of("HTML part", preview.html()), null)), ""));
        }
        tables.add(fields(c));
        List<Form> forms = List.of(form(c, "Edit " + t.get().name(), "/setup/templates/" + t.get().id() + "?version="
                        + t.get().version(), "Save template", t.get(), problems),
                new Form("Preview for a card", "/setup/templates/" + t.get().id() + "/preview", "Preview", List.of(
                        Input.text("card", "Card number", c.request().field("card"), true,
                                "the card's customer, balances, owning location and newest transaction fill the fields"))));
        return SetupPage.show(c, status, "Template " + t.get().name(), "Last saved " + t.get().updatedAt() + ".", tables,
                forms, errors(problems), TEMPLATE_SAVED);
    }

    private Form form(OfficeCall c, String heading, String action, String submit, EmailTemplate t, Map<String, String> problems) {
        boolean posted = c.request().method().equals("POST") && !problems.isEmpty();
        return new Form(heading, action, submit, List.of(
                input(c, "name", "Name", Kind.TEXT, t == null ? "" : t.name(), posted, problems, null),
                input(c, "subject", "Subject", Kind.TEXT, t == null ? "" : t.subject(), posted, problems, null),
                input(c, "html", "HTML part", Kind.TEXTAREA, t == null ? "" : t.html(), posted, problems, "cleaned when saved"),
                input(c, "text", "Text part", Kind.TEXTAREA, t == null ? "" : t.text(), posted, problems,
                        "for mail clients that show no HTML")));
    }

    private static Input input(OfficeCall c, String name, String label, Kind kind, String stored, boolean posted,
                               Map<String, String> problems, String hint) {
        return new Input(name, label, kind, posted ? c.request().field(name) : stored, List.of(), hint,
                !name.equals("html") && !name.equals("text"), problems.get(name));
    }

    private Table fields(OfficeCall c) {
        return new Table("Merge fields", List.of("Field", "Write"), templates.fields(c.scope()).map(f -> f.all().stream()
                .map(n -> Row.of(List.of(n, "{{" + n + "}}"), null)).toList()).orElse(List.of()), "None.");
    }

    private static List<FieldError> errors(Map<String, String> problems) {
        return problems.entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList();
    }

    private OfficeResponse save(OfficeCall c, Optional<String> id) {
        var r = c.request();
        Saved saved = templates.save(c.scope(), new SaveCommand(id, r.field("name"), r.field("subject"), r.field("html"),
                r.field("text"), version(c)));
        if (saved instanceof Saved.Done done) {
            return OfficeResponse.redirect("/setup/templates/" + done.template().id() + "?saved=1");
        }
        Map<String, String> problems = saved instanceof Saved.Invalid invalid ? invalid.problems()
                : Map.of("name", saved instanceof Saved.Conflict ? "Someone saved this template since you opened it: "
                + "open it again to see their changes." : "You may not change templates.");
        return id.isEmpty() ? templates(c, 400, problems) : template(c, 400, problems, null);
    }

    private OfficeResponse preview(OfficeCall c) {
        Outcome<Rendered> rendered = templates.preview(c.scope(), c.param("id"), c.request().field("card"));
        if (rendered instanceof Rejected<Rendered> rejected) {
            return template(c, 400, Map.of("card", rejected.rejection().detail()), null);
        }
        return template(c, 200, Map.of(), rendered.value());
    }
}
