package io.tally.backoffice.setup;

import io.tally.backoffice.http.OfficeArea;
import io.tally.backoffice.http.OfficeRouter;
import io.tally.backoffice.setup.SetupView.Link;
import io.tally.domain.backoffice.ApiKeySetupUseCase;
import io.tally.domain.backoffice.BrandSetupUseCase;
import io.tally.domain.backoffice.CatalogueSetupUseCase;
import io.tally.domain.backoffice.EventSetupUseCase;
import io.tally.domain.backoffice.PortalSetupUseCase;
import io.tally.domain.staff.Permission;
import java.util.List;

/**
 * The back office's brand setup under {@code /admin/setup}: places and people, the catalogue, API keys, the member
 * portal, the customer model and the event definitions. Pages need {@link Permission#READ_SETUP} to look and
 * {@link Permission#MANAGE_SETUP} to post (others get the not-found page); the use cases check both again, and a
 * manager's scope.
 */
public final class SetupArea implements OfficeArea {
    private final PlacesPages places;
    private final CataloguePages catalogue;
    private final ApiKeyPages keys;
    private final PortalPages portal;
    private final EventPages events;
    private final BrandPages brand;

    public SetupArea(BrandSetupUseCase places, CatalogueSetupUseCase catalogue, ApiKeySetupUseCase keys,
                     PortalSetupUseCase portal, EventSetupUseCase events) {
        this.events = new EventPages(events);
        this.places = new PlacesPages(places);
        this.brand = new BrandPages(places);
        this.catalogue = new CataloguePages(catalogue);
        this.keys = new ApiKeyPages(keys);
        this.portal = new PortalPages(portal);
    }

    @Override
    public void register(OfficeRouter router) {
        router.get("/setup", Permission.READ_SETUP, c -> SetupPage.links(c, "Setup",
                SetupPage.canManage(c) ? "The brand's configuration. Every change is recorded in the audit log."
                        : "The brand's configuration (read only for your role).", List.of(
                new Link("/setup/groups", "Location groups"), new Link("/setup/locations", "Locations"),
                new Link("/setup/terminals", "Terminals"), new Link("/setup/employees", "Employees"),
                new Link("/setup/programs", "Programs, value types and card sets"), new Link("/setup/api-keys", "API keys"),
                new Link("/setup/portal", "Member portal"), new Link("/setup/customer-model", "Customer model"),
                new Link("/setup/events", "Events"), new Link("/setup/brand", "Brand settings"),
                new Link("/setup/scores", "Customer score"), new Link("/setup/lists", "E-mail lists"),
                new Link("/setup/templates", "E-mail templates"), new Link("/setup/test-lists", "Test lists"),
                new Link("/communications/assets", "Asset library (images for e-mails)"),
                new Link(SendPages.PATH, "Scheduled sends"),
                new Link(RulesPages.BASE, "Rules (triggered communications)"))));
        places.register(router);
        brand.register(router);
        catalogue.register(router);
        keys.register(router);
        portal.register(router);
        events.register(router);
    }
}
