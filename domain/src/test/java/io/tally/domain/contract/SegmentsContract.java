package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.segment.Bounds;
import io.tally.domain.segment.DateWindow;
import io.tally.domain.segment.FilterGroup;
import io.tally.domain.segment.MonthDayWindow;
import io.tally.domain.segment.Segment;
import io.tally.domain.segment.SegmentFilter;
import io.tally.domain.segment.SegmentId;
import io.tally.domain.segment.SegmentsPort;
import io.tally.domain.segment.Visibility;
import io.tally.domain.shared.GeoPoint;
import io.tally.domain.staff.StaffId;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link SegmentsPort} must do. Subclass it per implementation (in-memory fake, DynamoDB adapter). */
public abstract class SegmentsContract {
    protected abstract SegmentsPort port();

    private final BrandId brand = ContractData.freshBrand();

    /** One filter of every kind, in groups joined both ways, nested three levels. */
    public static FilterGroup everyFilter() {
        return FilterGroup.any(
                FilterGroup.all(
                        new SegmentFilter.ActivationDate(DateWindow.between(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))),
                        new SegmentFilter.EnrollmentDate(DateWindow.last(30)),
                        new SegmentFilter.EnrollmentStatus(true),
                        new SegmentFilter.CustomerScore(Bounds.between(51, 100)),
                        new SegmentFilter.Events(Optional.of("review"), Bounds.atLeast(2), Optional.of(DateWindow.last(90))),
                        new SegmentFilter.Events(Optional.empty(), Bounds.atMost(0), Optional.empty()),
                        new SegmentFilter.IssuedOrRedeemed(SegmentFilter.Movement.REDEEMED, ValueTypeKey.currency("USD"),
                                Bounds.atLeast(1)),
                        new SegmentFilter.ItemsPurchased(Optional.of("SKU & co=1"), Bounds.ANY),
                        new SegmentFilter.PurchaseActivity(SegmentFilter.Measure.AVERAGE_ORDER_VALUE, Bounds.atLeast(2_500)),
                        new SegmentFilter.RewardsAndBalances(Optional.of(ValueTypeKey.points()), Bounds.atLeast(100)),
                        new SegmentFilter.RewardsAndBalances(Optional.empty(), Bounds.atLeast(1))),
                FilterGroup.any(
                        new SegmentFilter.CustomerOccasion(SegmentFilter.Occasion.BIRTHDAY,
                                MonthDayWindow.between(MonthDay.of(2, 29), MonthDay.of(3, 1))),
                        new SegmentFilter.CustomerOccasion(SegmentFilter.Occasion.ENROLLMENT_ANNIVERSARY, MonthDayWindow.upcoming(7)),
                        new SegmentFilter.FieldsCompleted(List.of("firstName", "kids"), Bounds.atLeast(2)),
                        new SegmentFilter.ChoiceOrNumberField("tier", Set.of("gold", "silver"), Bounds.ANY),
                        new SegmentFilter.SumOfFields(List.of("kids", "pets"), Bounds.between(1, 4)),
                        new SegmentFilter.TextField("postal", true, "sw1"),
                        SegmentFilter.Gender.is("f"),
                        new SegmentFilter.Gender(Optional.empty(), false),
                        FilterGroup.all(
                                new SegmentFilter.AddressProximity(List.of(
                                        new SegmentFilter.Circle(new GeoPoint(51.5074, -0.1278), 10_000),
                                        new SegmentFilter.Circle(new GeoPoint(-33.8688, 151.2093), 2_500))),
                                new SegmentFilter.OwningLocationProximity(Bounds.between(-1, -1)))));
    }

    static Segment segment(BrandId brand, String id, Visibility visibility, FilterGroup filters) {
        return new Segment(brand, new SegmentId(id), "Segment " + id, "about ü " + id, visibility, new StaffId("staff-1"),
                visibility.byLocation() ? Set.of(new LocationId("loc-1"), new LocationId("loc-2")) : Set.of(), filters,
                Instant.parse("2027-02-28T12:00:00.123Z"), 1);
    }

    @Test
    void a_created_segment_is_found_with_every_filter_and_its_id_is_not_taken_twice() {
        Segment s = segment(brand, "s1", Visibility.PUBLIC_BY_LOCATION, everyFilter());
        assertTrue(port().create(s));
        assertFalse(port().create(segment(brand, "s1", Visibility.SHARED, FilterGroup.all())));

        assertEquals(Optional.of(s), port().find(brand, s.id()));
    }

    @Test
    void an_update_follows_the_version_it_read() {
        Segment s = segment(brand, "s2", Visibility.SHARED, FilterGroup.all());
        port().create(s);
        Segment next = new Segment(brand, s.id(), "Renamed", "", Visibility.PRIVATE, s.owner(), Set.of(), everyFilter(),
                s.updatedAt().plusSeconds(5), 2);

        assertTrue(port().update(next));
        assertFalse(port().update(next), "version 2 again: the stored one is 2 now");
        assertEquals(Optional.of(next), port().find(brand, s.id()));
        assertFalse(port().update(new Segment(brand, new SegmentId("absent"), "x", "", Visibility.SHARED, s.owner(),
                Set.of(), FilterGroup.all(), s.updatedAt(), 2)), "no such segment");
    }

    @Test
    void a_brand_lists_its_own_segments_in_id_order() {
        BrandId other = ContractData.freshBrand();
        port().create(segment(brand, "b", Visibility.SHARED, FilterGroup.all()));
        port().create(segment(brand, "a", Visibility.PRIVATE, FilterGroup.any()));
        port().create(segment(other, "c", Visibility.SHARED, FilterGroup.all()));

        assertEquals(List.of("a", "b"), port().list(brand).stream().map(x -> x.id().value()).toList());
        assertEquals(Optional.empty(), port().find(other, new SegmentId("a")));
    }
}
