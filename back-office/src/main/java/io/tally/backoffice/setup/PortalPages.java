package io.tally.backoffice.setup;

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
import io.tally.domain.backoffice.PortalSetupUseCase;
import io.tally.domain.backoffice.PortalSetupUseCase.FieldUse;
import io.tally.domain.backoffice.PortalSetupUseCase.SettingsForm;
import io.tally.domain.backoffice.SetupChange;
import io.tally.domain.portal.CustomerField;
import io.tally.domain.portal.DemographicField;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.shared.Outcome;
import io.tally.domain.staff.Permission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code /setup/portal} (theme, e-mail lists, referral rewards) and {@code /setup/customer-model}. */
final class PortalPages {
    static final String SAVED = "Saved. The member portal and the merchant API use it from the next request.";
    private static final String NO_PORTAL = "This brand has no member portal yet: provision one with the seed file first.";
    private final PortalSetupUseCase portal;

    PortalPages(PortalSetupUseCase portal) {
        this.portal = portal;
    }

    void register(OfficeRouter router) {
        router.get("/setup/portal", Permission.READ_SETUP, c -> settings(c, 200, List.of()))
                .post("/setup/portal", Permission.MANAGE_SETUP, c -> SetupPage.afterPost(c,
                        portal.saveSettings(c.scope(), settingsForm(c)), "/setup/portal", e -> settings(c, 400, e), "displayName"))
                .get("/setup/customer-model", Permission.READ_SETUP, c -> model(c, 200, List.of()))
                .post("/setup/customer-model/fixed", Permission.MANAGE_SETUP, c -> SetupPage.afterPost(c,
                        portal.saveFixedFields(c.scope(), uses(c)), "/setup/customer-model", e -> model(c, 400, e),
                        CustomerField.FIRST_NAME.formName()))
                .post("/setup/customer-model/fields", Permission.MANAGE_SETUP, c -> SetupPage.afterPost(c,
                        saveField(c, SetupChange.CREATE, c.request().field("name")), "/setup/customer-model",
                        e -> model(c, 400, e), "name"))
                .get("/setup/customer-model/fields/{name}", Permission.MANAGE_SETUP, c -> editField(c, 200, List.of()))
                .post("/setup/customer-model/fields/{name}", Permission.MANAGE_SETUP, c -> SetupPage.afterPost(c,
                        saveField(c, SetupChange.EDIT, c.param("name")), "/setup/customer-model", e -> editField(c, 400, e),
                        "label"))
                .post("/setup/customer-model/fields/{name}/remove", Permission.MANAGE_SETUP, c -> SetupPage.afterPost(c,
                        portal.removeBrandField(c.scope(), c.param("name")), "/setup/customer-model", e -> model(c, 400, e),
                        "name"));
    }

    private Outcome<PortalConfig> saveField(OfficeCall c, SetupChange change, String name) {
        return portal.saveBrandField(c.scope(), change, name, c.request().field("label"), c.request().field("type"),
                c.request().field("required").equals("on"), c.request().field("choices"));
    }

    private OfficeResponse settings(OfficeCall c, int status, List<FieldError> errors) {
        Optional<PortalConfig> config = portal.portal(c.scope());
        if (config.isEmpty()) {
            return SetupPage.show(c, status, "Member portal", NO_PORTAL, List.of(), List.of(), errors, SAVED);
        }
        PortalConfig p = config.get();
        Table overview = new Table("Current settings", List.of("Setting", "Value"), List.of(
                Row.of(List.of("Display name", p.displayName()), null),
                Row.of(List.of("Theme", String.join(", ", p.theme().primary(), p.theme().onPrimary(), p.theme().background(),
                        p.theme().text())), null),
                Row.of(List.of("E-mail lists", String.join("; ", p.subscriptionLists().stream().map(l -> l.name() + " ("
                        + l.id() + (l.transactional() ? ", transactional" : "") + (l.defaultOn() ? ", on by default" : "")
                        + (l.archived() ? ", archived" : "") + ")").toList())), new Link("/setup/lists", "Change the e-mail lists")),
                Row.of(List.of("Referral rewards", p.referral().map(r -> portal.decimal(c.scope(), r.valueType(),
                        r.senderAmount()) + " to the sender, " + portal.decimal(c.scope(), r.valueType(), r.friendAmount())
                        + " to the friend (" + r.valueType().asText() + "); invitations on " + r.invitationList())
                        .orElse("none")), null),
                Row.of(List.of("Welcome e-mail", p.welcomeEmail() ? "sent" : "not sent"), null)), "");
        Form form = new Form("Change the settings", "/setup/portal", "Save settings", List.of(
                Input.text("displayName", "Display name", p.displayName(), true, null),
                Input.text("primary", "Primary colour", p.theme().primary(), true, "#rrggbb; text on it and the page must "
                        + "reach 4.5:1 contrast"),
                Input.text("onPrimary", "Text on primary", p.theme().onPrimary(), true, null),
                Input.text("background", "Background", p.theme().background(), true, null),
                Input.text("text", "Text", p.theme().text(), true, null),
                Input.text("referralValueType", "Referral value type", p.referral().map(r -> r.valueType().asText()).orElse(""),
                        false, "blank: no referral rewards"),
                Input.text("referralSender", "Sender's reward", p.referral().map(r -> portal.decimal(c.scope(), r.valueType(),
                        r.senderAmount())).orElse(""), false, null),
                Input.text("referralFriend", "Friend's reward", p.referral().map(r -> portal.decimal(c.scope(), r.valueType(),
                        r.friendAmount())).orElse(""), false, null),
                Input.text("referralList", "Invitations list", p.referral().map(r -> r.invitationList()).orElse(""), false,
                        null),
                Input.of("welcomeEmail", "Send the welcome e-mail", Kind.CHECKBOX, p.welcomeEmail() ? "on" : "", null)));
        return SetupPage.show(c, status, "Member portal", "How the brand's member pages look and what they offer.",
                List.of(overview), List.of(status == 200 ? form : SetupPage.withPosted(c, form, errors)), errors, SAVED);
    }

    private static SettingsForm settingsForm(OfficeCall c) {
        var r = c.request();
        return new SettingsForm(r.field("displayName"), r.field("primary"), r.field("onPrimary"), r.field("background"),
                r.field("text"), r.field("welcomeEmail").equals("on"), null, r.field("referralValueType"),
                r.field("referralSender"), r.field("referralFriend"), r.field("referralList"));
    }

    private OfficeResponse model(OfficeCall c, int status, List<FieldError> errors) {
        Optional<PortalConfig> config = portal.portal(c.scope());
        if (config.isEmpty()) {
            return SetupPage.show(c, status, "Customer model", NO_PORTAL, List.of(), List.of(), errors, SAVED);
        }
        boolean manage = SetupPage.canManage(c);
        PortalConfig p = config.get();
        List<Row> fixedRows = Arrays.stream(CustomerField.values()).map(f -> Row.of(List.of(f.label(), use(p, f).name()
                .toLowerCase(Locale.ROOT)), null)).toList();
        List<Row> brandRows = p.demographics().stream().map(d -> new Row(List.of(d.name(), d.label(), d.type().wireName(),
                d.required() ? "required" : "optional", String.join(", ", d.choices())),
                manage ? new Link("/setup/customer-model/fields/" + d.name(), "Edit " + d.label()) : null,
                manage ? new Link("/setup/customer-model/fields/" + d.name() + "/remove", "Remove " + d.label()) : null)).toList();
        List<Option> uses = Arrays.stream(FieldUse.values()).map(u -> new Option(u.name(), u.name().toLowerCase(Locale.ROOT)))
                .toList();
        List<Input> fixedInputs = Arrays.stream(CustomerField.values()).filter(f -> f != CustomerField.EMAIL)
                .map(f -> Input.select(f.formName(), f.label(), use(p, f).name(), uses)).toList();
        boolean addPosted = c.request().path().endsWith("/fields");
        Form add = fieldForm("Add a field", "/setup/customer-model/fields", "Add field", null);
        List<Form> forms = List.of(
                new Form("Fixed fields on the enrollment form (e-mail is always required)", "/setup/customer-model/fixed",
                        "Save fixed fields", fixedInputs),
                addPosted ? SetupPage.withPosted(c, add, errors) : add);
        return SetupPage.show(c, status, "Customer model", "What the brand asks its members: the enrollment form, "
                + "updateAccount's brandDemographics and the back office all check the brand's fields.",
                List.of(new Table("Fixed fields", List.of("Field", "On the enrollment form"), fixedRows, ""),
                        new Table("The brand's own fields", PlacesPages.headers(manage, "Name", "Label", "Type", "Required",
                                "Choices"), brandRows, "No brand fields yet.")), forms, errors, SAVED);
    }

    private OfficeResponse editField(OfficeCall c, int status, List<FieldError> errors) {
        Optional<DemographicField> field = portal.portal(c.scope()).flatMap(p -> p.demographics().stream()
                .filter(d -> d.name().equals(c.param("name"))).findFirst());
        if (field.isEmpty()) {
            return c.notFound();
        }
        Form form = fieldForm("Edit the field " + field.get().name(), "/setup/customer-model/fields/" + field.get().name(),
                "Save field", field.get());
        return SetupPage.show(c, status, "Field " + field.get().name(), "Making a field required applies to "
                + "enrollments from now on.", List.of(), List.of(status == 200 ? form : SetupPage.withPosted(c, form, errors)),
                errors, SAVED);
    }

    private static Form fieldForm(String heading, String action, String submit, DemographicField d) {
        List<Input> inputs = new ArrayList<>();
        if (d == null) {
            inputs.add(Input.text("name", "Field name", "", true, "the fieldName in the API: letters, digits, '-', '_' or '.'"));
        }
        inputs.add(Input.text("label", "Label", d == null ? "" : d.label(), true, "what the enrollment form shows"));
        inputs.add(Input.select("type", "Type", d == null ? "text" : d.type().wireName(), Arrays.stream(DemographicField.Type
                .values()).map(t -> new Option(t.wireName(), t.wireName())).toList()));
        inputs.add(Input.of("choices", "Choices", Kind.TEXTAREA, d == null ? "" : String.join("\n", d.choices()),
                "a choice field only: one a line"));
        inputs.add(Input.of("required", "Required on enrollment", Kind.CHECKBOX, d != null && d.required() ? "on" : "", null));
        return new Form(heading, action, submit, inputs);
    }

    private static FieldUse use(PortalConfig p, CustomerField f) {
        return p.customerModel().stream().filter(s -> s.field() == f).findFirst()
                .map(s -> s.required() ? FieldUse.REQUIRED : FieldUse.OPTIONAL).orElse(FieldUse.OFF);
    }

    private static Map<CustomerField, FieldUse> uses(OfficeCall c) {
        Map<CustomerField, FieldUse> uses = new EnumMap<>(CustomerField.class);
        for (CustomerField f : CustomerField.values()) {
            try {
                uses.put(f, FieldUse.valueOf(c.request().field(f.formName())));
            } catch (IllegalArgumentException e) {
                uses.put(f, FieldUse.OFF);
            }
        }
        return uses;
    }
}
