package io.tally.backoffice.pages;

import io.tally.backoffice.http.Html;
import io.tally.backoffice.http.OfficeArea;
import io.tally.backoffice.http.OfficeCall;
import io.tally.backoffice.http.OfficeResponse;
import io.tally.backoffice.http.OfficeRouter;
import io.tally.backoffice.templates.staff.JtecreatedGenerated;
import io.tally.backoffice.templates.staff.JteeditGenerated;
import io.tally.backoffice.templates.staff.JtelistGenerated;
import io.tally.backoffice.templates.staff.JtenewGenerated;
import io.tally.domain.staff.Permission;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffMember;
import io.tally.domain.staff.StaffUseCase;
import io.tally.domain.staff.StaffUseCase.CreateCommand;
import io.tally.domain.staff.StaffUseCase.Created;
import io.tally.domain.staff.StaffUseCase.Problem;
import io.tally.domain.staff.StaffUseCase.Refused;
import io.tally.domain.staff.StaffUseCase.Result;
import io.tally.domain.tenant.LocationGroup;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationsPort;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Staff (brand admins): list, add (the temporary password shown once), change role and groups, disable and enable. */
public final class StaffPages implements OfficeArea {
    private final StaffUseCase staff;
    private final LocationsPort locations;

    public StaffPages(StaffUseCase staff, LocationsPort locations) {
        this.staff = staff;
        this.locations = locations;
    }

    @Override
    public void register(OfficeRouter router) {
        router.get("/staff", Permission.MANAGE_SETUP, this::list)
                .get("/staff/new", Permission.MANAGE_SETUP, c -> newForm(c, "", "", null, Set.of(), null, 200))
                .post("/staff/new", Permission.MANAGE_SETUP, this::create)
                .get("/staff/{id}", Permission.MANAGE_SETUP, c -> edit(c, null, 200))
                .post("/staff/{id}/role", Permission.MANAGE_SETUP, this::change)
                .post("/staff/{id}/active", Permission.MANAGE_SETUP, this::setActive);
    }

    private OfficeResponse list(OfficeCall call) {
        Map<LocationGroupId, String> names = groupNames(call);
        var rows = staff.list(call.scope()).stream().map(m -> StaffViews.row(m, names)).toList();
        var page = call.page("Staff", "staff");
        return OfficeResponse.ok(Html.render(o -> JtelistGenerated.render(o, null, page, rows)));
    }

    private OfficeResponse newForm(OfficeCall call, String email, String name, Role role, Set<LocationGroupId> groups,
                                   String error, int status) {
        var page = call.page("Add a staff member", "staff");
        var roles = StaffViews.roles(role);
        var choices = StaffViews.groups(locations.groups(call.scope().brand()), groups);
        return OfficeResponse.html(status, Html.render(o -> JtenewGenerated.render(o, null, page, email, name, roles,
                choices, error)));
    }

    private OfficeResponse create(OfficeCall call) {
        var r = call.request();
        Optional<Role> role = role(r.field("role"));
        Set<LocationGroupId> groups = groups(call);
        if (role.isEmpty()) {
            return newForm(call, r.field("email"), r.field("name"), null, groups, "Choose a role.", 400);
        }
        Result result = staff.create(call.scope(), new CreateCommand(r.field("email"), r.field("name"), role.get(),
                role.get().scoped() ? groups : Set.of()));
        if (result instanceof Created created) {
            var page = call.page("Staff member added", "staff");
            return OfficeResponse.ok(Html.render(o -> JtecreatedGenerated.render(o, null, page, created.member().email(),
                    created.temporaryPassword())));
        }
        return newForm(call, r.field("email"), r.field("name"), role.get(), groups, ((Refused) result).message(), 400);
    }

    private OfficeResponse edit(OfficeCall call, String error, int status) {
        Optional<StaffMember> member = staff.find(call.scope(), new StaffId(call.param("id")));
        if (member.isEmpty()) {
            return call.notFound();
        }
        StaffMember m = member.get();
        var page = call.page(m.email(), "staff");
        var row = StaffViews.row(m, groupNames(call));
        var roles = StaffViews.roles(m.role());
        var groups = StaffViews.groups(locations.groups(call.scope().brand()), m.groups());
        return OfficeResponse.html(status, Html.render(o -> JteeditGenerated.render(o, null, page, row, m.version(), roles,
                groups, error)));
    }

    private OfficeResponse change(OfficeCall call) {
        Optional<Role> role = role(call.request().field("role"));
        long version;
        try {
            version = Long.parseLong(call.request().field("version"));
        } catch (NumberFormatException bad) {
            return edit(call, "Reload the page and try again.", 400);
        }
        if (role.isEmpty()) {
            return edit(call, "Choose a role.", 400);
        }
        return after(call, staff.change(call.scope(), new StaffId(call.param("id")), version, role.get(), groups(call)));
    }

    private OfficeResponse setActive(OfficeCall call) {
        boolean active = call.request().field("active").equals("true");
        return after(call, staff.setActive(call.scope(), new StaffId(call.param("id")), active));
    }

    private OfficeResponse after(OfficeCall call, Result result) {
        if (result instanceof Refused refused) {
            return refused.problem() == Problem.NOT_FOUND ? call.notFound() : edit(call, refused.message(), 400);
        }
        return OfficeResponse.redirect("/staff/" + call.param("id"));
    }

    private Map<LocationGroupId, String> groupNames(OfficeCall call) {
        return locations.groups(call.scope().brand()).stream()
                .collect(Collectors.toMap(LocationGroup::id, LocationGroup::name, (a, b) -> a));
    }

    private static Optional<Role> role(String text) {
        try {
            return Optional.of(Role.valueOf(text));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    private static Set<LocationGroupId> groups(OfficeCall call) {
        List<String> ids = call.request().fields("groups");
        return ids.stream().filter(s -> !s.isBlank() && s.length() <= 64).limit(StaffMember.MAX_GROUPS + 1)
                .map(LocationGroupId::new).collect(Collectors.toSet());
    }
}
