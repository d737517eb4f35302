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
import io.tally.domain.backoffice.BrandSetupUseCase;
import io.tally.domain.backoffice.SetupChange;
import io.tally.domain.shared.GeoPoint;
import io.tally.domain.shared.Outcome;
import io.tally.domain.staff.Permission;
import io.tally.domain.tenant.Location;
import io.tally.domain.tenant.LocationGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** {@code /setup/groups}, {@code /setup/locations}, {@code /setup/terminals}, {@code /setup/employees}: list, create, edit. */
final class PlacesPages {
    static final String SAVED = "Saved. Tills see a changed location, terminal or employee within a minute (the API's "
            + "sign-in cache); anything new works at once.";
    private final BrandSetupUseCase places;

    PlacesPages(BrandSetupUseCase places) {
        this.places = places;
    }

    void register(OfficeRouter router) {
        router.get("/setup/groups", Permission.READ_SETUP, c -> groups(c, 200, List.of()))
                .post("/setup/groups", Permission.MANAGE_SETUP, c -> SetupPage.afterPost(c, places.saveGroup(c.scope(),
                        SetupChange.CREATE, c.request().field("id"), c.request().field("name")), "/setup/groups",
                        e -> groups(c, 400, e), "id"))
                .get("/setup/groups/{id}", Permission.MANAGE_SETUP, c -> editGroup(c, 200, List.of()))
                .post("/setup/groups/{id}", Permission.MANAGE_SETUP, c -> SetupPage.afterPost(c, places.saveGroup(c.scope(),
                        SetupChange.EDIT, c.param("id"), c.request().field("name")), "/setup/groups",
                        e -> editGroup(c, 400, e), "name"))
                .get("/setup/locations", Permission.READ_SETUP, c -> locations(c, 200, List.of()))
                .post("/setup/locations", Permission.MANAGE_SETUP, c -> afterLocation(c, SetupChange.CREATE,
                        c.request().field("id"), e -> locations(c, 400, e), "id"))
                .get("/setup/locations/{id}", Permission.MANAGE_SETUP, c -> editLocation(c, 200, List.of()))
                .post("/setup/locations/{id}", Permission.MANAGE_SETUP, c -> afterLocation(c, SetupChange.EDIT,
                        c.param("id"), e -> editLocation(c, 400, e), "name"))
                .get("/setup/terminals", Permission.READ_SETUP, c -> terminals(c, 200, List.of()))
                .post("/setup/terminals", Permission.MANAGE_SETUP, c -> SetupPage.afterPost(c, places.saveTerminal(c.scope(),
                        SetupChange.CREATE, c.request().field("location"), c.request().field("id"), c.request().field("name")),
                        "/setup/terminals", e -> terminals(c, 400, e), "id"))
                .get("/setup/employees", Permission.READ_SETUP, c -> employees(c, 200, List.of()))
                .post("/setup/employees", Permission.MANAGE_SETUP, c -> SetupPage.afterPost(c, places.saveEmployee(c.scope(),
                        SetupChange.CREATE, c.request().field("location"), c.request().field("id"), c.request().field("name"),
                        Optional.of(c.request().field("password"))), "/setup/employees", e -> employees(c, 400, e), "id"))
                .get("/setup/employees/{location}/{id}", Permission.MANAGE_SETUP, c -> editEmployee(c, 200, List.of()))
                .post("/setup/employees/{location}/{id}", Permission.MANAGE_SETUP, c -> SetupPage.afterPost(c,
                        places.saveEmployee(c.scope(), SetupChange.EDIT, c.param("location"), c.param("id"),
                                c.request().field("name"), Optional.of(c.request().field("password"))), "/setup/employees",
                        e -> editEmployee(c, 400, e), "name"));
    }

    private OfficeResponse groups(OfficeCall c, int status, List<FieldError> errors) {
        boolean manage = SetupPage.canManage(c);
        List<Row> rows = places.groups(c.scope()).stream().map(g -> Row.of(List.of(g.id().value(), g.name()),
                manage ? new Link("/setup/groups/" + g.id(), "Edit " + g.name()) : null)).toList();
        Table table = new Table("Location groups", headers(manage, "Id", "Name"), rows, "No location groups yet.");
        return SetupPage.show(c, status, "Location groups", "Groups of locations, for reports and for managers' access.",
                List.of(table), List.of(SetupPage.withPosted(c, groupForm(null), errors)), errors, SAVED);
    }

    private OfficeResponse editGroup(OfficeCall c, int status, List<FieldError> errors) {
        Optional<LocationGroup> group = places.groups(c.scope()).stream().filter(g -> g.id().value().equals(c.param("id")))
                .findFirst();
        if (group.isEmpty()) {
            return c.notFound();
        }
        Form form = groupForm(group.get());
        return SetupPage.show(c, status, "Location group " + group.get().id(), null, List.of(),
                List.of(status == 200 ? form : SetupPage.withPosted(c, form, errors)), errors, SAVED);
    }

    private static Form groupForm(LocationGroup g) {
        if (g == null) {
            return new Form("Add a location group", "/setup/groups", "Add group", List.of(
                    Input.text("id", "Group id", "", true, "letters, digits, '-', '_' or '.'"),
                    Input.text("name", "Name", "", true, null)));
        }
        return new Form("Rename the group", "/setup/groups/" + g.id(), "Save group", List.of(
                Input.text("name", "Name", g.name(), true, null)));
    }

    /** A location saved with its coordinates; a refusal about them is shown at the latitude or longitude field. */
    private OfficeResponse afterLocation(OfficeCall c, SetupChange change, String id,
                                         Function<List<FieldError>, OfficeResponse> again, String field) {
        Outcome<Location> saved = places.saveLocation(c.scope(), change, id, c.request().field("group"),
                c.request().field("name"), c.request().field("latitude"), c.request().field("longitude"));
        String detail = saved instanceof Outcome.Rejected<Location> r ? r.rejection().detail() : "";
        String at = !detail.startsWith("Coordinates") ? field : detail.contains("longitude is") ? "longitude" : "latitude";
        return SetupPage.afterPost(c, saved, "/setup/locations", again, at);
    }

    private OfficeResponse locations(OfficeCall c, int status, List<FieldError> errors) {
        boolean manage = SetupPage.canManage(c);
        List<Row> rows = places.locations(c.scope()).stream().map(l -> Row.of(List.of(l.id().value(), l.name(),
                l.group().value(), coordinates(l.coordinates())), manage ? new Link("/setup/locations/" + l.id(),
                "Edit " + l.name()) : null)).toList();
        Table table = new Table("Locations", headers(manage, "Id", "Name", "Group", "Coordinates"), rows, "No locations yet.");
        return SetupPage.show(c, status, "Locations", "Stores, websites and other places where cards are used.",
                List.of(table), List.of(SetupPage.withPosted(c, locationForm(c, null), errors)), errors, SAVED);
    }

    private OfficeResponse editLocation(OfficeCall c, int status, List<FieldError> errors) {
        Optional<Location> location = places.locations(c.scope()).stream().filter(l -> l.id().value().equals(c.param("id")))
                .findFirst();
        if (location.isEmpty()) {
            return c.notFound();
        }
        Form form = locationForm(c, location.get());
        return SetupPage.show(c, status, "Location " + location.get().id(), null, List.of(),
                List.of(status == 200 ? form : SetupPage.withPosted(c, form, errors)), errors, SAVED);
    }

    private Form locationForm(OfficeCall c, Location l) {
        List<Option> groups = places.groups(c.scope()).stream().map(g -> new Option(g.id().value(), g.name())).toList();
        List<Input> inputs = new ArrayList<>();
        if (l == null) {
            inputs.add(Input.text("id", "Location id", "", true, "letters, digits, '-', '_' or '.'"));
        }
        inputs.add(Input.text("name", "Name", l == null ? "" : l.name(), true, null));
        inputs.add(Input.select("group", "Location group", l == null ? "" : l.group().value(), groups));
        inputs.addAll(coordinateInputs(l == null ? Optional.empty() : l.coordinates()));
        return l == null ? new Form("Add a location", "/setup/locations", "Add location", inputs)
                : new Form("Edit the location", "/setup/locations/" + l.id(), "Save location", inputs);
    }

    private OfficeResponse terminals(OfficeCall c, int status, List<FieldError> errors) {
        List<Row> rows = places.terminals(c.scope()).stream().map(t -> Row.of(List.of(t.location().value(), t.id().value(),
                t.name()), null)).toList();
        Table table = new Table("Terminals", List.of("Location", "Terminal id", "Name"), rows, "No terminals yet.");
        return SetupPage.show(c, status, "Terminals", "The points of sale at each location (a till, a web shop).",
                List.of(table), List.of(SetupPage.withPosted(c, terminalForm(c), errors)), errors, SAVED);
    }

    private Form terminalForm(OfficeCall c) {
        return new Form("Add a terminal", "/setup/terminals", "Add terminal", List.of(
                Input.text("id", "Terminal id", "", true, "unique within its location"),
                Input.select("location", "Location", "", locationOptions(c)),
                Input.text("name", "Name", "", true, null)));
    }

    private OfficeResponse employees(OfficeCall c, int status, List<FieldError> errors) {
        boolean manage = SetupPage.canManage(c);
        List<Row> rows = places.employees(c.scope()).stream().map(e -> Row.of(List.of(e.location().value(), e.id().value(),
                e.name()), manage ? new Link("/setup/employees/" + e.location() + "/" + e.id(), "Edit " + e.name()) : null))
                .toList();
        Table table = new Table("Employees", headers(manage, "Location", "Employee id", "Name"), rows, "No employees yet.");
        return SetupPage.show(c, status, "Employees", "Employees sign merchant calls with their id and password (PIN) "
                + "where the brand requires it. Passwords are stored only as hashes.", List.of(table),
                List.of(SetupPage.withPosted(c, employeeForm(c), errors)),
                errors, SAVED);
    }

    private OfficeResponse editEmployee(OfficeCall c, int status, List<FieldError> errors) {
        Optional<BrandSetupUseCase.EmployeeView> employee = places.employees(c.scope()).stream()
                .filter(e -> e.location().value().equals(c.param("location")) && e.id().value().equals(c.param("id")))
                .findFirst();
        if (employee.isEmpty()) {
            return c.notFound();
        }
        var e = employee.get();
        Form form = new Form("Rename the employee or reset the password", "/setup/employees/" + e.location() + "/" + e.id(),
                "Save employee", List.of(Input.text("name", "Name", e.name(), true, null),
                Input.of("password", "New password (PIN)", Kind.PASSWORD, "", "leave blank to keep the current one")));
        return SetupPage.show(c, status, "Employee " + e.id() + " at " + e.location(), null, List.of(),
                List.of(status == 200 ? form : SetupPage.withPosted(c, form, errors)), errors, SAVED);
    }

    private Form employeeForm(OfficeCall c) {
        return new Form("Add an employee", "/setup/employees", "Add employee", List.of(
                Input.text("id", "Employee id", "", true, null),
                Input.select("location", "Location", "", locationOptions(c)),
                Input.text("name", "Name", "", true, null),
                Input.of("password", "Password (PIN)", Kind.PASSWORD, "", "4-64 characters")));
    }

    private List<Option> locationOptions(OfficeCall c) {
        return places.locations(c.scope()).stream().map(l -> new Option(l.id().value(), l.name())).toList();
    }

    /** The latitude and longitude fields of a form, filled with {@code point}'s (blank for none). */
    static List<Input> coordinateInputs(Optional<GeoPoint> point) {
        return List.of(Input.of("latitude", "Latitude", Kind.TEXT, point.map(p -> String.valueOf(p.latitude())).orElse(""),
                        "decimal degrees, -90 to 90 (e.g. 40.7128); optional, with the longitude"),
                Input.of("longitude", "Longitude", Kind.TEXT, point.map(p -> String.valueOf(p.longitude())).orElse(""),
                        "decimal degrees, -180 to 180 (e.g. -74.006); both blank: none"));
    }

    /** Coordinates as a table shows them: "40.7128, -74.006", or "none". */
    static String coordinates(Optional<GeoPoint> point) {
        return point.map(p -> p.latitude() + ", " + p.longitude()).orElse("none");
    }

    static List<String> headers(boolean manage, String... names) {
        List<String> headers = new ArrayList<>(List.of(names));
        if (manage) {
            headers.add("Actions");
        }
        return headers;
    }
}
