package io.tally.domain.segment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SegmentTest {
    private static final BrandId BRAND = new BrandId("ACME");
    private static final StaffId OWNER = new StaffId("owner");
    private static final StaffScope OWNER_ADMIN = StaffScope.brandWide(BRAND, OWNER, "o@example.com", Role.ADMIN);
    private static final StaffScope OTHER_ADMIN = StaffScope.brandWide(BRAND, new StaffId("other"), "x@example.com",
            Role.ADMIN);
    private static final StaffScope MANAGER_NORTH = new StaffScope(BRAND, new StaffId("m"), "m@example.com", Role.MANAGER,
            Set.of(new LocationGroupId("north")), Optional.of(Set.of(new LocationId("north-1"))));

    @Test
    void shared_and_base_segments_are_seen_by_every_brand_wide_role_never_by_a_manager_and_base_ones_edited_by_no_one() {
        assertTrue(segment(Visibility.SHARED, Set.of()).visibleTo(OTHER_ADMIN));
        assertTrue(segment(Visibility.SHARED, Set.of()).editableBy(OTHER_ADMIN));
        assertTrue(segment(Visibility.BASE, Set.of()).visibleTo(OTHER_ADMIN));
        assertFalse(segment(Visibility.SHARED, Set.of()).visibleTo(MANAGER_NORTH), "its count covers the whole brand");
        assertFalse(segment(Visibility.BASE, Set.of()).visibleTo(MANAGER_NORTH));
        assertFalse(segment(Visibility.BASE, Set.of()).editableBy(OWNER_ADMIN));
        assertFalse(segment(Visibility.SHARED, Set.of()).visibleTo(StaffScope.brandWide(new BrandId("OTHER"), OWNER,
                "o@example.com", Role.ADMIN)));
    }

    @Test
    void private_segments_are_their_owners_only() {
        assertTrue(segment(Visibility.PRIVATE, Set.of()).visibleTo(OWNER_ADMIN));
        assertFalse(segment(Visibility.PRIVATE, Set.of()).visibleTo(OTHER_ADMIN));
        assertFalse(segment(Visibility.PRIVATE_BY_LOCATION, Set.of(new LocationId("north-1"))).visibleTo(MANAGER_NORTH));
    }

    @Test
    void by_location_segments_are_seen_when_all_their_locations_are_a_managers() {
        assertTrue(segment(Visibility.PUBLIC_BY_LOCATION, Set.of(new LocationId("north-1"))).visibleTo(MANAGER_NORTH));
        assertFalse(segment(Visibility.PUBLIC_BY_LOCATION, Set.of(new LocationId("south-1"))).visibleTo(MANAGER_NORTH));
        assertFalse(segment(Visibility.PUBLIC_BY_LOCATION, Set.of(new LocationId("north-1"), new LocationId("south-1")))
                .visibleTo(MANAGER_NORTH), "every one of its locations must be the manager's");
        assertTrue(segment(Visibility.PUBLIC_BY_LOCATION, Set.of(new LocationId("south-1"))).visibleTo(OTHER_ADMIN));
    }

    @Test
    void a_by_location_segment_names_locations_and_no_other_does() {
        assertThrows(IllegalArgumentException.class, () -> segment(Visibility.PUBLIC_BY_LOCATION, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> segment(Visibility.SHARED, Set.of(new LocationId("north-1"))));
    }

    @Test
    void groups_are_bounded_in_depth_and_filters() {
        SegmentFilter enrolled = new SegmentFilter.EnrollmentStatus(true);
        FilterGroup three = FilterGroup.all(FilterGroup.any(FilterGroup.all(enrolled)));
        assertThrows(IllegalArgumentException.class, () -> FilterGroup.all(three));
        assertThrows(IllegalArgumentException.class, () -> new FilterGroup(FilterGroup.Join.AND,
                Collections.nCopies(FilterGroup.MAX_FILTERS + 1, enrolled)));
        assertThrows(IllegalArgumentException.class, () -> Bounds.between(5, 4));
        assertThrows(IllegalArgumentException.class, () -> new SegmentFilter.AddressProximity(List.of()));
    }

    private static Segment segment(Visibility visibility, Set<LocationId> locations) {
        return new Segment(BRAND, new SegmentId("s1"), "Regulars", "", visibility, OWNER, locations, FilterGroup.all(),
                Instant.parse("2027-02-28T12:00:00Z"), 1);
    }
}
