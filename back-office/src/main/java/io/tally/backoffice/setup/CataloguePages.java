package io.tally.backoffice.setup;

import io.tally.backoffice.http.OfficeCall;
import io.tally.backoffice.http.OfficeResponse;
import io.tally.backoffice.http.OfficeRouter;
import io.tally.backoffice.http.View.FieldError;
import io.tally.backoffice.setup.SetupView.Form;
import io.tally.backoffice.setup.SetupView.Input;
import io.tally.backoffice.setup.SetupView.Link;
import io.tally.backoffice.setup.SetupView.Option;
import io.tally.backoffice.setup.SetupView.Row;
import io.tally.backoffice.setup.SetupView.Table;
import io.tally.domain.backoffice.CatalogueSetupUseCase;
import io.tally.domain.backoffice.CatalogueSetupUseCase.LimitsForm;
import io.tally.domain.backoffice.SetupChange;
import io.tally.domain.program.CardSet;
import io.tally.domain.program.LoadProgramsPort.Catalogue;
import io.tally.domain.program.ProgramKind;
import io.tally.domain.program.ValueType;
import io.tally.domain.staff.Permission;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code /setup/programs}: programs, value types (limits editable) and card sets. */
final class CataloguePages {
    static final String SAVED = "Saved. The merchant API applies catalogue changes within 10 seconds (its catalogue cache).";
    private final CatalogueSetupUseCase catalogue;

    CataloguePages(CatalogueSetupUseCase catalogue) {
        this.catalogue = catalogue;
    }

    void register(OfficeRouter router) {
        router.get("/setup/programs", Permission.READ_SETUP, c -> list(c, 200, List.of()))
                .post("/setup/programs", Permission.MANAGE_SETUP, c -> SetupPage.afterPost(c, catalogue.saveProgram(
                        c.scope(), SetupChange.CREATE, c.request().field("id"), c.request().field("name"),
                        c.request().field("kind")), "/setup/programs", e -> list(c, 400, e), "id"))
                .post("/setup/value-types", Permission.MANAGE_SETUP, c -> SetupPage.afterPost(c, catalogue.saveValueType(
                        c.scope(), SetupChange.CREATE, c.request().field("program"), c.request().field("key"),
                        number(c.request().field("scale")), limits(c)), "/setup/programs", e -> list(c, 400, e), "program"))
                .get("/setup/value-types/{program}/{key}", Permission.MANAGE_SETUP, c -> editValueType(c, 200, List.of()))
                .post("/setup/value-types/{program}/{key}", Permission.MANAGE_SETUP, c -> SetupPage.afterPost(c,
                        catalogue.saveValueType(c.scope(), SetupChange.EDIT, c.param("program"), c.param("key"),
                                Optional.empty(), limits(c)), "/setup/programs", e -> editValueType(c, 400, e), "maxBalance"))
                .post("/setup/card-sets", Permission.MANAGE_SETUP, c -> SetupPage.afterPost(c, catalogue.saveCardSet(
                        c.scope(), SetupChange.CREATE, c.request().field("setId"), c.request().field("setProgram"),
                        c.request().field("setName"), c.request().field("prefix"), number(c.request().field("length")).orElse(0)),
                        "/setup/programs", e -> list(c, 400, e), "setId"))
                .get("/setup/card-sets/{id}", Permission.MANAGE_SETUP, c -> editCardSet(c, 200, List.of()))
                .post("/setup/card-sets/{id}", Permission.MANAGE_SETUP, c -> SetupPage.afterPost(c, catalogue.saveCardSet(
                        c.scope(), SetupChange.EDIT, c.param("id"), null, c.request().field("setName"), null, 0),
                        "/setup/programs", e -> editCardSet(c, 400, e), "setName"));
    }

    private OfficeResponse list(OfficeCall c, int status, List<FieldError> errors) {
        boolean manage = SetupPage.canManage(c);
        Catalogue cat = catalogue.catalogue(c.scope());
        Table programs = new Table("Programs", List.of("Id", "Name", "Kind"), cat.programs().stream()
                .map(p -> Row.of(List.of(p.id().value(), p.name(), p.kind().name().toLowerCase(Locale.ROOT)), null)).toList(),
                "No programs yet.");
        Table valueTypes = new Table("Value types and their limits", PlacesPages.headers(manage, "Program", "Value type",
                "Decimals", "Max balance", "Issue min–max", "Redeem min–max"), cat.valueTypes().stream()
                .map(v -> Row.of(List.of(v.program().value(), v.key().asText(), Integer.toString(v.scale()),
                        limit(v, v.limits().maxBalance()), range(v, v.limits().minIssue(), v.limits().maxIssue()),
                        range(v, v.limits().minRedeem(), v.limits().maxRedeem())),
                        manage ? new Link("/setup/value-types/" + v.program() + "/" + v.key().asText(),
                                "Edit limits of " + v.key().asText()) : null)).toList(), "No value types yet.");
        Table sets = new Table("Card sets", PlacesPages.headers(manage, "Id", "Name", "Program", "Numbers"),
                catalogue.cardSets(c.scope()).stream().map(s -> Row.of(List.of(s.id().value(), s.name(), s.program().value(),
                        s.cardNumberLength() + " digits" + (s.cardNumberPrefix().isEmpty() ? "" : ", from " + s.cardNumberPrefix())),
                        manage ? new Link("/setup/card-sets/" + s.id(), "Rename " + s.name()) : null)).toList(),
                "No card sets yet.");
        List<Option> programOptions = cat.programs().stream().map(p -> new Option(p.id().value(), p.name())).toList();
        String action = c.request().path();
        List<Form> forms = List.of(
                posted(c, action.endsWith("/programs"), new Form("Add a program", "/setup/programs", "Add program", List.of(
                        Input.text("id", "Program id", "", true, null), Input.text("name", "Name", "", true, null),
                        Input.select("kind", "Kind", "gift", Arrays.stream(ProgramKind.values())
                                .map(k -> new Option(k.name().toLowerCase(Locale.ROOT), k.name().toLowerCase(Locale.ROOT))).toList()))),
                        errors),
                posted(c, action.endsWith("/value-types"), new Form("Add a value type", "/setup/value-types", "Add value type",
                        List.of(Input.select("program", "Program", "", programOptions),
                                Input.text("key", "Value type", "", true, "Currency:USD, Points, Punches or Custom:NAME"),
                                Input.text("scale", "Decimals", "", false, "blank: 2 for a currency, 0 otherwise"),
                                Input.text("maxBalance", "Maximum balance", "", false, "blank: no limit"),
                                Input.text("minIssue", "Minimum issuance", "", false, null),
                                Input.text("maxIssue", "Maximum issuance", "", false, null),
                                Input.text("minRedeem", "Minimum redemption", "", false, null),
                                Input.text("maxRedeem", "Maximum redemption", "", false, null))), errors),
                posted(c, action.endsWith("/card-sets"), new Form("Add a card set", "/setup/card-sets", "Add card set", List.of(
                        Input.text("setId", "Card set id", "", true, null), Input.text("setName", "Name", "", true, null),
                        Input.select("setProgram", "Program", "", programOptions),
                        Input.text("prefix", "Card number prefix", "", false, "up to 8 digits"),
                        Input.text("length", "Card number length", "16", true, "15-19 digits"))), errors));
        return SetupPage.show(c, status, "Programs and card sets", "What cards hold and how their numbers look.",
                List.of(programs, valueTypes, sets), forms, errors, SAVED);
    }

    /** The form with the posted values and the error if it is the one that was posted. */
    private static Form posted(OfficeCall c, boolean thisOne, Form form, List<FieldError> errors) {
        return thisOne ? SetupPage.withPosted(c, form, errors) : form;
    }

    private OfficeResponse editValueType(OfficeCall c, int status, List<FieldError> errors) {
        Optional<ValueType> found = catalogue.catalogue(c.scope()).valueTypes().stream()
                .filter(v -> v.program().value().equals(c.param("program")) && v.key().asText().equals(c.param("key")))
                .findFirst();
        if (found.isEmpty()) {
            return c.notFound();
        }
        ValueType v = found.get();
        Form form = new Form("Limits of " + v.key().asText() + " (in " + v.scale() + " decimals; blank or 0: no limit)",
                "/setup/value-types/" + v.program() + "/" + v.key().asText(), "Save limits", List.of(
                Input.text("maxBalance", "Maximum balance", v.format(v.limits().maxBalance()), false, null),
                Input.text("minIssue", "Minimum issuance", v.format(v.limits().minIssue()), false, null),
                Input.text("maxIssue", "Maximum issuance", v.format(v.limits().maxIssue()), false, null),
                Input.text("minRedeem", "Minimum redemption", v.format(v.limits().minRedeem()), false, null),
                Input.text("maxRedeem", "Maximum redemption", v.format(v.limits().maxRedeem()), false, null)));
        return SetupPage.show(c, status, "Value type " + v.key().asText() + " of " + v.program(), null, List.of(),
                List.of(status == 200 ? form : SetupPage.withPosted(c, form, errors)), errors, SAVED);
    }

    private OfficeResponse editCardSet(OfficeCall c, int status, List<FieldError> errors) {
        Optional<CardSet> found = catalogue.cardSets(c.scope()).stream().filter(s -> s.id().value().equals(c.param("id")))
                .findFirst();
        if (found.isEmpty()) {
            return c.notFound();
        }
        Form form = new Form("Rename the card set (its card numbers stay as they are)", "/setup/card-sets/" + found.get().id(),
                "Save card set", List.of(Input.text("setName", "Name", found.get().name(), true, null)));
        return SetupPage.show(c, status, "Card set " + found.get().id(), null, List.of(),
                List.of(status == 200 ? form : SetupPage.withPosted(c, form, errors)), errors, SAVED);
    }

    private static LimitsForm limits(OfficeCall c) {
        return new LimitsForm(c.request().field("maxBalance"), c.request().field("minIssue"), c.request().field("maxIssue"),
                c.request().field("minRedeem"), c.request().field("maxRedeem"));
    }

    private static Optional<Integer> number(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.of(-1);
        }
    }

    private static String limit(ValueType v, long minor) {
        return minor == 0 ? "none" : v.format(minor);
    }

    private static String range(ValueType v, long min, long max) {
        return (min == 0 ? "none" : v.format(min)) + " – " + (max == 0 ? "none" : v.format(max));
    }
}
