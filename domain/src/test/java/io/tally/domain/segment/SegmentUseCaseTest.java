package io.tally.domain.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.audit.AuditRecord;
import io.tally.domain.card.Card;
import io.tally.domain.fakes.InMemoryAuditLog;
import io.tally.domain.fakes.InMemoryCardLocations;
import io.tally.domain.fakes.InMemorySegments;
import io.tally.domain.fakes.MutableClock;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.segment.SegmentUseCase.Details;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Outcome.Accepted;
import io.tally.domain.shared.Outcome.Rejected;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SegmentUseCaseTest {
    private static final String NOT_FOUND = "No such segment.";
    private static final StaffScope ADMIN = StaffScope.brandWide(Members.BRAND, new StaffId("admin"), "a@example.com",
            Role.ADMIN);
    private static final StaffScope SERVICE = StaffScope.brandWide(Members.BRAND, new StaffId("svc"), "s@example.com",
            Role.SERVICE);
    final InMemorySegments store = new InMemorySegments();
    final InMemoryCardLocations used = new InMemoryCardLocations();
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final List<MemberFacts> brandCards = new ArrayList<>(Members.ALL);
    private int pagesRead;
    /** Like A88: a full page always comes with a cursor, even when it holds the brand's last card. */
    private boolean fullPageCursor;
    private final Map<Card, MemberFacts> byCard = new HashMap<>();

    SegmentUseCase useCase() {
        brandCards.forEach(f -> byCard.put(f.card(), f));
        BrandCardsPort cards = (brand, cursor, limit) -> {
            pagesRead++;
            int from = cursor.map(Integer::parseInt).orElse(0);
            int to = Math.min(brandCards.size(), from + limit);
            List<Card> page = brandCards.subList(from, to).stream().map(MemberFacts::card).toList();
            boolean more = to < brandCards.size() || (fullPageCursor && page.size() == limit);
            return new BrandCardsPort.CardsPage(page, more ? Optional.of(String.valueOf(to)) : Optional.empty());
        };
        MemberFactsPort facts = page -> page.stream().map(byCard::get).toList();
        return new SegmentUseCase(store, cards, new CardUseFacts(facts, used), b -> ZoneOffset.UTC, audit,
                new SeededRandom(7), new MutableClock(Instant.parse("2027-02-28T12:00:00Z")));
    }

    @Test
    void a_segment_is_built_filter_by_filter_in_groups_and_counted_exactly() {
        SegmentUseCase segments = useCase();
        Segment created = accepted(segments.create(ADMIN, new Details("Regulars", "", "SHARED", "", "AND")));
        String id = created.id().value();

        accepted(segments.addFilter(ADMIN, id, 0, "AND", Map.of("type", "enrollment-status", "enrolled", "yes")));
        accepted(segments.addFilter(ADMIN, id, 0, "OR", Map.of("type", "score", "min", "51")));
        Segment built = accepted(segments.addFilter(ADMIN, id, 2, "", Map.of("type", "items", "sku", "MUG")));

        assertEquals(FilterGroup.all(FilterGroup.all(new SegmentFilter.EnrollmentStatus(true)),
                FilterGroup.any(new SegmentFilter.CustomerScore(Bounds.atLeast(51)),
                        new SegmentFilter.ItemsPurchased(Optional.of("MUG"), Bounds.ANY))), built.filters());
        assertEquals(new SegmentCount(3, 4, true), segments.count(ADMIN, built));

        Segment fewer = accepted(segments.removeFilter(ADMIN, id, 2, 1));
        assertEquals(new SegmentCount(2, 4, true), segments.count(ADMIN, fewer), "ann and cat bought a MUG");
    }

    @Test
    void a_count_stops_at_its_page_budget_and_says_at_least() {
        for (int i = 0; i < SegmentUseCase.COUNT_PAGES * BrandCardsPort.MAX_PAGE; i++) {
            brandCards.add(Members.BOB);
        }
        SegmentUseCase segments = useCase();
        Segment all = accepted(segments.create(ADMIN, new Details("Everyone", "", "PRIVATE", "", "AND")));

        SegmentCount count = segments.count(ADMIN, all);

        assertEquals(new SegmentCount(2_000, 2_000, false), count);
        assertEquals("at least 2000", count.text());
        assertEquals(SegmentUseCase.COUNT_PAGES + 1, pagesRead, "the budget's pages and one look past them");
    }

    @Test
    void a_brand_of_exactly_the_budget_is_counted_exactly_though_its_last_full_page_has_a_cursor() {
        fullPageCursor = true;
        brandCards.clear();
        for (int i = 0; i < SegmentUseCase.COUNT_PAGES * BrandCardsPort.MAX_PAGE; i++) {
            brandCards.add(Members.BOB);
        }
        SegmentUseCase segments = useCase();
        Segment all = accepted(segments.create(ADMIN, new Details("Everyone", "", "PRIVATE", "", "AND")));

        assertEquals(new SegmentCount(2_000, 2_000, true), segments.count(ADMIN, all));
    }

    @Test
    void base_segments_exist_for_every_brand_and_cannot_be_changed() {
        SegmentUseCase segments = useCase();
        List<Segment> listed = segments.list(ADMIN);

        assertEquals(List.of("Identified non-members", "Members"), listed.stream().map(Segment::name).toList());
        assertEquals(new SegmentCount(3, 4, true), segments.count(ADMIN, listed.get(1)));
        assertTrue(segments.addFilter(ADMIN, "base-members", 1, "", Map.of("type", "gender", "specified", "yes"))
                instanceof Rejected);
    }

    @Test
    void a_bad_filter_or_detail_is_a_sentence_and_roles_without_the_permission_see_nothing() {
        SegmentUseCase segments = useCase();
        String id = accepted(segments.create(ADMIN, new Details("Mine", "", "PRIVATE", "", "AND"))).id().value();

        assertEquals("Customer score: min must be a whole number: lots",
                rejected(segments.addFilter(ADMIN, id, 0, "AND", Map.of("type", "score", "min", "lots"))));
        assertTrue(rejected(segments.create(ADMIN, new Details("", "", "SHARED", "", "AND"))).startsWith("Give a name"));
        assertTrue(rejected(segments.create(ADMIN, new Details("x", "", "BASE", "", "AND"))).startsWith("Choose"));
        assertTrue(rejected(segments.create(ADMIN, new Details("x", "", "PUBLIC_BY_LOCATION", "", "AND")))
                .startsWith("Give a name"));
        assertEquals(List.of(), segments.list(SERVICE));
        assertFalse(segments.find(SERVICE, id).isPresent());
        assertFalse(segments.find(StaffScope.brandWide(Members.BRAND, new StaffId("other"), "o@example.com", Role.ADMIN),
                id).isPresent(), "private to its owner");
    }

    private static final LocationId L1 = new LocationId("L1");
    private static final LocationId L2 = new LocationId("L2");
    private static final LocationId L3 = new LocationId("L3");

    private static StaffScope manager(String id, LocationId... locations) {
        return new StaffScope(Members.BRAND, new StaffId(id), id + "@example.com", Role.MANAGER,
                Set.of(new LocationGroupId("g-" + id)), Optional.of(Set.of(locations)));
    }

    private static List<String> names(List<Segment> segments) {
        return segments.stream().map(Segment::name).toList();
    }

    @Test
    void each_role_sees_and_changes_the_visibilities_its_scope_allows() {
        SegmentUseCase segments = useCase();
        StaffScope north = manager("north", L1, L2);
        StaffScope northOnlyL1 = manager("l1-only", L1);
        StaffScope south = manager("south", L3);
        StaffScope otherAdmin = StaffScope.brandWide(Members.BRAND, new StaffId("admin2"), "b@example.com", Role.ADMIN);
        accepted(segments.create(ADMIN, new Details("Shared", "", "SHARED", "", "AND")));
        accepted(segments.create(ADMIN, new Details("Admin private", "", "PRIVATE", "", "AND")));
        String l1 = accepted(segments.create(ADMIN, new Details("Public L1", "", "PUBLIC_BY_LOCATION", "L1", "AND"))).id().value();
        String l1l3 = accepted(segments.create(ADMIN, new Details("Public L1+L3", "", "PUBLIC_BY_LOCATION", "L1,L3", "AND")))
                .id().value();
        String mine = accepted(segments.create(north, new Details("North private", "", "PRIVATE_BY_LOCATION", "L2", "AND")))
                .id().value();
        accepted(segments.create(north, new Details("North public", "", "PUBLIC_BY_LOCATION", "L1,L2", "AND")));

        assertEquals(List.of("Identified non-members", "Members", "Admin private", "North public", "Public L1", "Public L1+L3",
                "Shared"), names(segments.list(ADMIN)), "brand-wide: base, shared, own private, every public by location");
        assertEquals(List.of("Identified non-members", "Members", "North public", "Public L1", "Public L1+L3", "Shared"),
                names(segments.list(otherAdmin)), "not another's private ones, nor a manager's");
        assertEquals(List.of("North private", "North public", "Public L1"), names(segments.list(north)),
                "a manager: by location within their locations only, never over the whole brand");
        assertEquals(List.of("Public L1"), names(segments.list(northOnlyL1)), "north public also names L2");
        assertEquals(List.of(), names(segments.list(south)), "L1+L3 reaches beyond L3");
        assertEquals(List.of(), names(segments.list(SERVICE)));

        assertTrue(segments.saveDetails(north, l1, new Details("Public L1, renamed", "", "PUBLIC_BY_LOCATION", "L1", "AND"))
                .isAccepted(), "a public segment within the manager's locations is theirs to change");
        assertEquals(NOT_FOUND, rejected(segments.saveDetails(north, l1l3, new Details("x", "", "PUBLIC_BY_LOCATION", "L1", "AND"))));
        assertEquals(NOT_FOUND, rejected(segments.addFilter(south, mine, 0, "AND", Map.of("type", "gender", "specified", "yes"))));
        assertEquals(NOT_FOUND, rejected(segments.removeFilter(northOnlyL1, mine, 1, 1)));
        assertEquals(NOT_FOUND, rejected(segments.addFilter(north, "base-members", 1, "", Map.of("type", "gender", "specified", "yes"))));
    }

    @Test
    void a_manager_builds_only_segments_by_location_tied_to_their_own_locations() {
        SegmentUseCase segments = useCase();
        StaffScope north = manager("north", L1, L2);
        String byLocation = "A location group manager builds segments by location: choose public or private by location.";

        assertEquals(byLocation, rejected(segments.create(north, new Details("x", "", "SHARED", "", "AND"))));
        assertEquals(byLocation, rejected(segments.create(north, new Details("x", "", "PRIVATE", "", "AND"))));
        assertEquals("Choose locations of your own location groups.",
                rejected(segments.create(north, new Details("x", "", "PUBLIC_BY_LOCATION", "L1,L3", "AND"))));
        String id = accepted(segments.create(north, new Details("North", "", "PRIVATE_BY_LOCATION", "L1", "AND"))).id().value();
        assertEquals("Choose locations of your own location groups.",
                rejected(segments.saveDetails(north, id, new Details("North", "", "PRIVATE_BY_LOCATION", "L3", "AND"))));
        assertEquals(byLocation, rejected(segments.saveDetails(north, id, new Details("North", "", "SHARED", "", "AND"))));
        assertTrue(segments.create(ADMIN, new Details("South", "", "PUBLIC_BY_LOCATION", "L3", "AND")).isAccepted());
    }

    @Test
    void a_segment_by_location_holds_only_cards_used_at_one_of_its_locations_whoever_counts() {
        used.link(Members.BRAND, Members.ANN.card().number(), L1);
        used.link(Members.BRAND, Members.BOB.card().number(), L3);
        used.link(Members.BRAND, Members.CAT.card().number(), L2);
        SegmentUseCase segments = useCase();
        StaffScope north = manager("north", L1, L2);
        Segment northern = accepted(segments.create(north, new Details("North", "", "PUBLIC_BY_LOCATION", "L1,L2", "AND")));
        Segment shared = accepted(segments.create(ADMIN, new Details("All", "", "SHARED", "", "AND")));

        assertEquals(new SegmentCount(2, 4, true), segments.count(north, northern), "ann (L1) and cat (L2), not bob (L3)");
        assertEquals(new SegmentCount(2, 4, true), segments.count(ADMIN, northern), "the segment's rule, not the viewer's");
        assertEquals(new SegmentCount(4, 4, true), segments.count(ADMIN, shared));
        Segment enrolledNorth = accepted(segments.addFilter(north, northern.id().value(), 0, "AND",
                Map.of("type", "enrollment-status", "enrolled", "yes")));
        assertEquals(new SegmentCount(2, 4, true), segments.count(north, enrolledNorth));
        assertFalse(northern.matches(Members.ANN, new EvaluationContext(Instant.parse("2027-02-28T12:00:00Z"),
                ZoneOffset.UTC, Optional.empty())), "facts without the card's locations match no segment by location");
        assertThrows(IllegalArgumentException.class, () -> segments.count(manager("south", L3), northern));
    }

    @Test
    void creating_changing_and_each_filter_added_or_removed_are_in_the_audit_log() {
        SegmentUseCase segments = useCase();
        String id = accepted(segments.create(ADMIN, new Details("Regulars", "", "SHARED", "", "AND"))).id().value();
        accepted(segments.saveDetails(ADMIN, id, new Details("Regulars", "Come back often", "SHARED", "", "OR")));
        accepted(segments.saveDetails(ADMIN, id, new Details("Regulars", "Come back often", "SHARED", "", "OR")));
        accepted(segments.addFilter(ADMIN, id, 0, "AND", Map.of("type", "score", "min", "51")));
        accepted(segments.removeFilter(ADMIN, id, 1, 1));

        Map<String, AuditRecord> log = new HashMap<>();
        audit.all().forEach(r -> log.put(r.action(), r));
        assertEquals(4, audit.all().size(), "an unchanged save records nothing");
        assertEquals(Set.of("segment.create", "segment.edit", "segment.filter.add", "segment.filter.remove"), log.keySet());
        assertTrue(log.values().stream().allMatch(r -> r.target().equals("segment:" + id) && r.staff().equals(ADMIN.staff())));
        assertEquals(Map.of("name", "Regulars", "description", "", "visibility", "SHARED", "locations", "", "join", "AND"),
                log.get("segment.create").after());
        assertEquals("AND", log.get("segment.edit").before().get("join"));
        assertEquals("OR", log.get("segment.edit").after().get("join"));
        assertEquals(Map.of("filter", "type=score&min=51", "group", "1"), log.get("segment.filter.add").after());
        assertEquals(Map.of("filter", "type=score&min=51", "group", "1"), log.get("segment.filter.remove").before());
    }

    static Segment accepted(Outcome<Segment> o) {
        if (o instanceof Rejected<Segment> r) {
            throw new AssertionError(r.rejection().detail());
        }
        return ((Accepted<Segment>) o).value();
    }

    static String rejected(Outcome<Segment> o) {
        return ((Rejected<Segment>) o).rejection().detail();
    }
}
