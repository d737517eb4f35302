package io.tally.backoffice.http;

/**
 * A section of the back office (staff, search, setup ...): registers its pages with the router. Add one by writing a
 * class that implements this, its templates under {@code src/main/jte/<area>/}, and one {@code @Provides @IntoSet}
 * method in {@code io.tally.backoffice.wiring.OfficeAreasModule} (see back-office/README.md).
 */
public interface OfficeArea {
    void register(OfficeRouter router);
}
