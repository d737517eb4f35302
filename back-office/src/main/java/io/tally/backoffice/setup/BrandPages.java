package io.tally.backoffice.setup;

import io.tally.backoffice.http.OfficeCall;
import io.tally.backoffice.http.OfficeResponse;
import io.tally.backoffice.http.OfficeRouter;
import io.tally.backoffice.http.View.FieldError;
import io.tally.backoffice.setup.SetupView.Form;
import io.tally.backoffice.setup.SetupView.Row;
import io.tally.backoffice.setup.SetupView.Table;
import io.tally.domain.backoffice.BrandSetupUseCase;
import io.tally.domain.shared.GeoPoint;
import io.tally.domain.shared.Outcome;
import io.tally.domain.staff.Permission;
import io.tally.domain.tenant.Brand;
import java.util.List;
import java.util.Optional;

/**
 * {@code /setup/brand}: the brand's settings as the setup keeps them (name, whether employees are required) and its
 * default coordinates, the one brand-wide setting edited here (segments' owning-location proximity falls back to
 * them). Only brand-wide staff who may manage the setup see the form.
 */
final class BrandPages {
    static final String SAVED = "Saved. Segment counts use the new default coordinates from the next count.";
    private final BrandSetupUseCase setup;

    BrandPages(BrandSetupUseCase setup) {
        this.setup = setup;
    }

    void register(OfficeRouter router) {
        router.get("/setup/brand", Permission.READ_SETUP, c -> page(c, 200, List.of()))
                .post("/setup/brand", Permission.MANAGE_SETUP, this::save);
    }

    private OfficeResponse save(OfficeCall c) {
        Outcome<Brand> saved = setup.saveDefaultCoordinates(c.scope(), c.request().field("latitude"),
                c.request().field("longitude"));
        String detail = saved instanceof Outcome.Rejected<Brand> r ? r.rejection().detail() : "";
        return SetupPage.afterPost(c, saved, "/setup/brand", e -> page(c, 400, e),
                detail.contains("longitude is") ? "longitude" : "latitude");
    }

    private OfficeResponse page(OfficeCall c, int status, List<FieldError> errors) {
        Optional<Brand> brand = setup.brand(c.scope());
        if (brand.isEmpty()) {
            return c.notFound();
        }
        Brand b = brand.get();
        Table table = new Table("The brand", List.of("Setting", "Value"), List.of(
                Row.of(List.of("Brand id", b.id().value()), null), Row.of(List.of("Name", b.name()), null),
                Row.of(List.of("Employees must sign merchant calls", b.requireEmployee() ? "yes" : "no"), null),
                Row.of(List.of("Default coordinates", PlacesPages.coordinates(b.defaultCoordinates())), null)), "");
        List<Form> forms = c.scope().brandWide() ? List.of(SetupPage.withPosted(c, form(b.defaultCoordinates()), errors))
                : List.of();
        return SetupPage.show(c, status, "Brand settings", "Default coordinates are where segments measure a customer's "
                + "distance from when the card's owning location has no coordinates. Tally geocodes nothing: give them "
                + "in decimal degrees.", List.of(table), forms, errors, SAVED);
    }

    private static Form form(Optional<GeoPoint> point) {
        return new Form("Default coordinates", "/setup/brand", "Save default coordinates",
                PlacesPages.coordinateInputs(point));
    }
}
