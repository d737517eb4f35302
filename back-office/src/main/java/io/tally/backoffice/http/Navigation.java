package io.tally.backoffice.http;

import io.tally.backoffice.http.View.NavLink;
import io.tally.domain.staff.Permission;
import io.tally.domain.staff.StaffScope;
import java.util.List;

/** The back office's sections, each shown to members holding its permission (the pages check it again). */
final class Navigation {
    private record Section(String key, String href, String label, Permission needs) {
    }

    private static final List<Section> SECTIONS = List.of(
            new Section("search", "/search", "Customer service", Permission.READ_CARDS),
            new Section("transactions", "/transactions", "Transactions", Permission.READ_CARDS),
            new Section("setup", "/setup", "Setup", Permission.READ_SETUP),
            new Section("staff", "/staff", "Staff", Permission.MANAGE_SETUP),
            new Section("audit", "/audit", "Audit log", Permission.READ_AUDIT),
            new Section("accounting", "/accounting", "Accounting", Permission.VIEW_ACCOUNTING),
            new Section("explore", "/explore", "Explore Data", Permission.EXPLORE_DATA),
            new Section("communications", "/communications/statistics", "Communication statistics", Permission.EXPLORE_DATA),
            new Section("reports", "/reports", "Report Center", Permission.EXPORT_REPORTS),
            new Section("segments", "/segments", "Segments", Permission.BUILD_SEGMENTS));

    private Navigation() {
    }

    /** The links {@code scope} may follow; {@code current} is the section key of the page shown. */
    static List<NavLink> links(StaffScope scope, String current) {
        return SECTIONS.stream().filter(s -> scope.can(s.needs()))
                .map(s -> new NavLink(OfficeRequest.PREFIX + s.href(), s.label(), s.key().equals(current))).toList();
    }
}
