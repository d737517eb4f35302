package io.tally.domain.segment;

import static io.tally.domain.segment.Members.ALL;
import static io.tally.domain.segment.Members.LEEDS;
import static io.tally.domain.segment.Members.LONDON;
import static io.tally.domain.segment.Members.PARIS;
import static io.tally.domain.segment.Members.POINTS;
import static io.tally.domain.segment.Members.USD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tally.domain.segment.SegmentFilter.ActivationDate;
import io.tally.domain.segment.SegmentFilter.AddressProximity;
import io.tally.domain.segment.SegmentFilter.ChoiceOrNumberField;
import io.tally.domain.segment.SegmentFilter.Circle;
import io.tally.domain.segment.SegmentFilter.CustomerOccasion;
import io.tally.domain.segment.SegmentFilter.CustomerScore;
import io.tally.domain.segment.SegmentFilter.EnrollmentDate;
import io.tally.domain.segment.SegmentFilter.EnrollmentStatus;
import io.tally.domain.segment.SegmentFilter.Events;
import io.tally.domain.segment.SegmentFilter.FieldsCompleted;
import io.tally.domain.segment.SegmentFilter.Gender;
import io.tally.domain.segment.SegmentFilter.IssuedOrRedeemed;
import io.tally.domain.segment.SegmentFilter.ItemsPurchased;
import io.tally.domain.segment.SegmentFilter.Measure;
import io.tally.domain.segment.SegmentFilter.Movement;
import io.tally.domain.segment.SegmentFilter.Occasion;
import io.tally.domain.segment.SegmentFilter.OwningLocationProximity;
import io.tally.domain.segment.SegmentFilter.PurchaseActivity;
import io.tally.domain.segment.SegmentFilter.RewardsAndBalances;
import io.tally.domain.segment.SegmentFilter.SumOfFields;
import io.tally.domain.segment.SegmentFilter.TextField;
import io.tally.domain.shared.GeoPoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every filter against the table of customers in {@link Members}, as of 28 February 2027 (not a leap year) unless a
 * row names another day: which cards each filter selects.
 */
class SegmentFilterTest {
    private static final Instant FEB_28_2027 = Instant.parse("2027-02-28T12:00:00Z");

    static Stream<Arguments> table() {
        return Stream.of(
                row("activated in 2027", new ActivationDate(DateWindow.between(d("2027-01-01"), d("2027-12-31"))), "bob", "cat"),
                row("activated in the last 30 days", new ActivationDate(DateWindow.last(30)), "cat"),
                row("enrolled 2024-2026", new EnrollmentDate(DateWindow.between(d("2024-01-01"), d("2026-12-31"))), "ann", "dan"),
                row("enrolled since 2027", new EnrollmentDate(new DateWindow(Optional.of(d("2027-01-01")), Optional.empty(),
                        Optional.empty())), "cat"),
                row("enrolled", new EnrollmentStatus(true), "ann", "cat", "dan"),
                row("not enrolled", new EnrollmentStatus(false), "bob"),
                row("score 51-100", new CustomerScore(Bounds.between(51, 100)), "ann", "dan"),
                row("score 1-25", new CustomerScore(Bounds.between(1, 25)), "cat"),
                row("any score: a card without one never matches", new CustomerScore(Bounds.ANY), "ann", "cat", "dan"),
                row("3+ reviews ever", new Events(Optional.of("review"), Bounds.atLeast(3), Optional.empty()), "ann"),
                row("any event ever", new Events(Optional.empty(), Bounds.atLeast(1), Optional.empty()), "ann", "cat"),
                row("no events", new Events(Optional.empty(), Bounds.atMost(0), Optional.empty()), "bob", "dan"),
                row("2+ reviews in the last 30 days", new Events(Optional.of("review"), Bounds.atLeast(2),
                        Optional.of(DateWindow.last(30))), "ann"),
                row("3+ reviews in the last 30 days", new Events(Optional.of("review"), Bounds.atLeast(3),
                        Optional.of(DateWindow.last(30))), new String[0]),
                row("a newsletter in February 2027", new Events(Optional.of("newsletter"), Bounds.atLeast(1),
                        Optional.of(DateWindow.between(d("2027-02-01"), d("2027-02-28")))), "cat"),
                row("100+ points issued", new IssuedOrRedeemed(Movement.ISSUED, POINTS, Bounds.atLeast(100)), "ann"),
                row("1-100 points issued", new IssuedOrRedeemed(Movement.ISSUED, POINTS, Bounds.between(1, 100)), "cat"),
                row("no points issued", new IssuedOrRedeemed(Movement.ISSUED, POINTS, Bounds.atMost(0)), "bob", "dan"),
                row("points redeemed", new IssuedOrRedeemed(Movement.REDEEMED, POINTS, Bounds.atLeast(1)), "ann"),
                row("bought a MUG", new ItemsPurchased(Optional.of("MUG"), Bounds.ANY), "ann", "cat"),
                row("bought COFFEE, 10+ items", new ItemsPurchased(Optional.of("COFFEE"), Bounds.atLeast(10)), "ann"),
                row("1+ items", new ItemsPurchased(Optional.empty(), Bounds.atLeast(1)), "ann", "cat"),
                row("AOV 50.00+", new PurchaseActivity(Measure.AVERAGE_ORDER_VALUE, Bounds.atLeast(5_000)), "ann"),
                row("AOV 0 (no orders)", new PurchaseActivity(Measure.AVERAGE_ORDER_VALUE, Bounds.atMost(0)), "bob", "dan"),
                row("exactly 1 order", new PurchaseActivity(Measure.ORDERS, Bounds.between(1, 1)), "cat"),
                row("spend 100.00+", new PurchaseActivity(Measure.SPEND, Bounds.atLeast(10_000)), "ann"),
                row("100+ points available", new RewardsAndBalances(Optional.of(POINTS), Bounds.atLeast(100)), "ann"),
                row("any USD balance", new RewardsAndBalances(Optional.of(USD), Bounds.atLeast(1)), "ann", "dan"),
                row("no points", new RewardsAndBalances(Optional.of(POINTS), Bounds.atMost(0)), "bob", "dan"),
                row("a reward to use", new RewardsAndBalances(Optional.empty(), Bounds.atLeast(1)), "ann", "dan"),
                row("birthday today, 28 Feb 2027: 29 Feb counts as 28 Feb", birthday(MonthDayWindow.upcoming(0)), "ann", "bob"),
                row("birthday in the next 3 days", birthday(MonthDayWindow.upcoming(3)), "ann", "bob"),
                row("birthday 20 Dec-5 Jan (over the new year)", birthday(MonthDayWindow.between(MonthDay.of(12, 20),
                        MonthDay.of(1, 5))), "cat"),
                row("birthday window 29 Feb in 2027 is 28 Feb", birthday(MonthDayWindow.between(MonthDay.of(2, 29),
                        MonthDay.of(2, 29))), "ann", "bob"),
                row("birthday in March", birthday(MonthDayWindow.between(MonthDay.of(3, 1), MonthDay.of(3, 31))),
                        new String[0]),
                row("anniversary today: enrolled 29 Feb 2024", anniversary(MonthDayWindow.upcoming(0)), "dan"),
                row("anniversary in February", anniversary(MonthDayWindow.between(MonthDay.of(2, 1), MonthDay.of(2, 28))),
                        "cat", "dan"),
                row("4 of 4 fields", new FieldsCompleted(List.of("firstName", "email", "postal", "kids"), Bounds.atLeast(4)),
                        "ann", "cat"),
                row("3 of 4 fields", new FieldsCompleted(List.of("firstName", "email", "postal", "kids"), Bounds.between(3, 3)),
                        "bob"),
                row("no fields", new FieldsCompleted(List.of("firstName", "email", "postal", "kids"), Bounds.atMost(0)), "dan"),
                row("tier gold (any case)", new ChoiceOrNumberField("tier", Set.of("gold"), Bounds.ANY), "ann"),
                row("kids 2+", new ChoiceOrNumberField("kids", Set.of(), Bounds.atLeast(2)), "ann", "cat"),
                row("kids 0 or 3", new ChoiceOrNumberField("kids", Set.of("0", "3"), Bounds.ANY), "bob", "cat"),
                row("kids 1-2", new ChoiceOrNumberField("kids", Set.of(), Bounds.between(1, 2)), "ann"),
                row("kids + pets 3+ (x counts 0)", new SumOfFields(List.of("kids", "pets"), Bounds.atLeast(3)), "ann", "cat"),
                row("kids + pets 0 (empty counts 0)", new SumOfFields(List.of("kids", "pets"), Bounds.atMost(0)), "bob", "dan"),
                row("postal starts sw1", new TextField("postal", true, "sw1"), "ann", "cat"),
                row("postal is sw1a 1aa", new TextField("postal", false, " SW1A 1AA "), "ann"),
                row("postal is sw1 (full, not prefix)", new TextField("postal", false, "sw1"), new String[0]),
                row("city London", new TextField("city", false, "london"), "ann", "cat"),
                row("gender f", Gender.is("f"), "ann"),
                row("gender given", new Gender(Optional.empty(), true), "ann", "bob"),
                row("gender not given", new Gender(Optional.empty(), false), "cat", "dan"),
                row("within 10 km of London", new AddressProximity(List.of(new Circle(LONDON, 10_000))), "ann"),
                row("within 10 km of London OR 5 km of Leeds", new AddressProximity(List.of(new Circle(LONDON, 10_000),
                        new Circle(LEEDS, 5_000))), "ann", "bob"),
                row("within 1 km of Paris", new AddressProximity(List.of(new Circle(PARIS, 1_000))), "dan"),
                row("owning location 0-5 km", new OwningLocationProximity(Bounds.between(0, 5_000)), "ann"),
                row("owning location at most 5 km: -1 (unknown) is below 5 km", new OwningLocationProximity(Bounds.atMost(5_000)),
                        "ann", "bob", "cat"),
                row("owning location distance unknown (-1)", new OwningLocationProximity(Bounds.between(-1, -1)), "bob", "cat"),
                row("owning location 300 km+", new OwningLocationProximity(Bounds.atLeast(300_000)), "dan"),
                row("enrolled AND (score 51+ OR bought a MUG)", FilterGroup.all(new EnrollmentStatus(true),
                        FilterGroup.any(new CustomerScore(Bounds.atLeast(51)), new ItemsPurchased(Optional.of("MUG"), Bounds.ANY))),
                        "ann", "cat", "dan"),
                row("(not enrolled AND gender given) OR (score 1-25 AND bought a MUG)", FilterGroup.any(
                        FilterGroup.all(new EnrollmentStatus(false), new Gender(Optional.empty(), true)),
                        FilterGroup.all(new CustomerScore(Bounds.between(1, 25)), new ItemsPurchased(Optional.of("MUG"), Bounds.ANY))),
                        "bob", "cat"),
                row("enrolled AND no reward to use", FilterGroup.all(new EnrollmentStatus(true),
                        new RewardsAndBalances(Optional.empty(), Bounds.atMost(0))), "cat"),
                row("an empty AND: every card", FilterGroup.all(), "ann", "bob", "cat", "dan"),
                row("an empty OR: no card", FilterGroup.any(), new String[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void each_filter_selects_the_expected_cards(String label, SegmentFilter filter, Set<String> expected) {
        assertEquals(expected, selected(filter, at(FEB_28_2027, Optional.empty())));
    }

    static Stream<Arguments> leapYear() {
        return Stream.of(
                Arguments.of("2028-02-28", birthday(MonthDayWindow.upcoming(0)), Set.of("bob")),
                Arguments.of("2028-02-29", birthday(MonthDayWindow.upcoming(0)), Set.of("ann")),
                Arguments.of("2028-02-29", anniversary(MonthDayWindow.upcoming(0)), Set.of("dan")),
                Arguments.of("2028-02-28", anniversary(MonthDayWindow.upcoming(0)), Set.of()),
                Arguments.of("2028-02-29", birthday(MonthDayWindow.between(MonthDay.of(2, 29), MonthDay.of(2, 29))),
                        Set.of("ann")),
                Arguments.of("2028-02-27", birthday(MonthDayWindow.upcoming(2)), Set.of("ann", "bob")),
                Arguments.of("2027-03-01", birthday(MonthDayWindow.upcoming(0)), Set.of()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("leapYear")
    void a_29_february_occasion_is_29_february_in_leap_years_and_28_february_otherwise(String day, SegmentFilter filter,
                                                                                       Set<String> expected) {
        Instant noon = LocalDate.parse(day).atTime(12, 0).toInstant(ZoneOffset.UTC);
        assertEquals(expected, selected(filter, at(noon, Optional.empty())));
    }

    @Test
    void the_brands_default_coordinates_stand_in_for_an_owning_location_without_any() {
        EvaluationContext withDefault = at(FEB_28_2027, Optional.of(LEEDS));
        assertEquals(Set.of("ann", "bob"), selected(new OwningLocationProximity(Bounds.between(0, 5_000)), withDefault));
        assertEquals(0, OwningLocationProximity.distanceMetres(Members.BOB, withDefault));
        assertEquals(-1, OwningLocationProximity.distanceMetres(Members.CAT, withDefault));
    }

    @Test
    void haversine_distances_match_published_figures() {
        // London-Paris great circle: 343.5 km on a 6,371 km sphere (the usual haversine reference pair).
        assertEquals(343.5, LONDON.distanceKm(PARIS), 0.5);
        assertEquals(0.0, LONDON.distanceKm(LONDON), 1e-9);
        // A quarter of the equator.
        assertEquals(Math.PI / 2 * GeoPoint.EARTH_RADIUS_KM, new GeoPoint(0, 0).distanceKm(new GeoPoint(0, 90)), 1e-6);
    }

    private static Set<String> selected(SegmentFilter filter, EvaluationContext at) {
        return ALL.stream().filter(f -> filter.matches(f, at)).map(Members::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static EvaluationContext at(Instant now, Optional<GeoPoint> defaultPoint) {
        return new EvaluationContext(now, ZoneOffset.UTC, defaultPoint);
    }

    private static SegmentFilter birthday(MonthDayWindow w) {
        return new CustomerOccasion(Occasion.BIRTHDAY, w);
    }

    private static SegmentFilter anniversary(MonthDayWindow w) {
        return new CustomerOccasion(Occasion.ENROLLMENT_ANNIVERSARY, w);
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private static Arguments row(String label, SegmentFilter filter, String... expected) {
        return Arguments.of(label, filter, new TreeSet<>(Set.of(expected)));
    }
}
