package io.tally.backoffice.pages;

import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffMember;
import io.tally.domain.tenant.LocationGroup;
import io.tally.domain.tenant.LocationGroupId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What the staff templates show. */
public final class StaffViews {
    private StaffViews() {
    }

    public record Row(String id, String email, String name, String role, String groups, boolean active) {
    }

    /** A radio button or checkbox. */
    public record Choice(String value, String label, boolean checked) {
    }

    static Row row(StaffMember m, Map<LocationGroupId, String> groupNames) {
        return new Row(m.id().value(), m.email(), m.name(), m.role().label(), m.groups().stream()
                .map(g -> groupNames.getOrDefault(g, g.value())).sorted().collect(Collectors.joining(", ")), m.active());
    }

    static List<Choice> roles(Role chosen) {
        return Arrays.stream(Role.values()).map(r -> new Choice(r.name(), r.label(), r == chosen)).toList();
    }

    static List<Choice> groups(List<LocationGroup> all, Set<LocationGroupId> chosen) {
        return all.stream().map(g -> new Choice(g.id().value(), g.name(), chosen.contains(g.id()))).toList();
    }
}
