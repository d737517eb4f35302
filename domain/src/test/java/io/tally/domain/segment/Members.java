package io.tally.domain.segment;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.shared.GeoPoint;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The filter table's customers: four cards whose facts differ in every way a filter looks at. */
final class Members {
    static final BrandId BRAND = new BrandId("ACME");
    static final ValueTypeKey POINTS = ValueTypeKey.points();
    static final ValueTypeKey USD = ValueTypeKey.currency("USD");
    static final GeoPoint LONDON = new GeoPoint(51.5074, -0.1278);
    static final GeoPoint LONDON_EAST = new GeoPoint(51.5155, -0.0922);
    static final GeoPoint LEEDS = new GeoPoint(53.8008, -1.5491);
    static final GeoPoint PARIS = new GeoPoint(48.8566, 2.3522);

    /** Enrolled member, born 29 February, every statistic, events, close to her owning location. */
    static final MemberFacts ANN = new MemberFacts(
            card("400000000000006", Instant.parse("2026-02-20T10:00:00Z"), Optional.of(Instant.parse("2026-03-01T09:00:00Z")),
                    new Customer("Ann", "Smith", "ann@example.com", null, null, null, "London", null, "SW1A 1AA", "GB",
                            LocalDate.of(1992, 2, 29), "F"),
                    Map.of("kids", "2", "pets", "1", "tier", "Gold")),
            Map.of(POINTS, 300L, USD, 2_500L), Optional.of(80),
            new MemberStatistics(50_000, 5, 12, 6, Optional.of(Instant.parse("2027-02-27T10:00:00Z")), Set.of("COFFEE", "MUG"),
                    Map.of(POINTS, 500L), Map.of(POINTS, 200L), Map.of("review", 3L, "newsletter", 1L)),
            List.of(new EventOccurrence("review", Instant.parse("2027-02-27T10:00:00Z")),
                    new EventOccurrence("review", Instant.parse("2027-02-10T10:00:00Z")),
                    new EventOccurrence("newsletter", Instant.parse("2027-01-05T10:00:00Z")),
                    new EventOccurrence("review", Instant.parse("2026-11-01T10:00:00Z"))),
            2, Optional.of(LONDON), Optional.of(LONDON_EAST));

    /** Identified, not enrolled, born 28 February, no statistics, address known, no owning location. */
    static final MemberFacts BOB = new MemberFacts(
            card("400000000000014", Instant.parse("2027-01-10T10:00:00Z"), Optional.empty(),
                    new Customer("Bob", "Jones", null, null, null, null, "Leeds", null, "LS1 4AP", "GB",
                            LocalDate.of(1985, 2, 28), "M"),
                    Map.of("kids", "0")),
            Map.of(), Optional.empty(), MemberStatistics.NONE, List.of(), 0, Optional.of(LEEDS), Optional.empty());

    /** Enrolled this month, born on new year's eve, no gender, no coordinates. */
    static final MemberFacts CAT = new MemberFacts(
            card("400000000000022", Instant.parse("2027-02-01T10:00:00Z"), Optional.of(Instant.parse("2027-02-01T10:00:00Z")),
                    new Customer("Cat", "Brown", "cat@example.com", null, null, null, "London", null, "SW19 2AA", "GB",
                            LocalDate.of(1970, 12, 31), null),
                    Map.of("kids", "3", "tier", "silver", "pets", "x")),
            Map.of(POINTS, 40L), Optional.of(20),
            new MemberStatistics(3_000, 1, 1, 1, Optional.of(Instant.parse("2027-02-01T10:00:00Z")), Set.of("MUG"),
                    Map.of(POINTS, 40L), Map.of(), Map.of("newsletter", 1L)),
            List.of(new EventOccurrence("newsletter", Instant.parse("2027-02-01T10:00:00Z"))),
            0, Optional.empty(), Optional.of(LONDON));

    /** Enrolled on 29 February 2024, no customer details at all, lives in Paris, owned by a London store. */
    static final MemberFacts DAN = new MemberFacts(
            card("400000000000030", Instant.parse("2024-02-29T10:00:00Z"), Optional.of(Instant.parse("2024-02-29T10:00:00Z")),
                    null, Map.of()),
            Map.of(USD, 100L), Optional.of(55), MemberStatistics.NONE, List.of(), 1, Optional.of(PARIS),
            Optional.of(LONDON));

    static final List<MemberFacts> ALL = List.of(ANN, BOB, CAT, DAN);

    private Members() {
    }

    static String name(MemberFacts f) {
        return f == ANN ? "ann" : f == BOB ? "bob" : f == CAT ? "cat" : "dan";
    }

    private static Card card(String number, Instant activated, Optional<Instant> enrolled, Customer customer,
                             Map<String, String> demographics) {
        Card active = Card.unallocated(BRAND, new CardNumber(number), new ProgramId("loyalty"), new CardSetId("set-1"))
                .activated("hash", activated, Optional.ofNullable(customer));
        return active.withProfile(Optional.empty(), active.primaryCustomer(), Optional.empty(), demographics, Map.of(),
                Map.of(), enrolled);
    }
}
