package io.tally.domain.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.Card;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SegmentUseCaseTest {
    private static final StaffScope ADMIN = StaffScope.brandWide(Members.BRAND, new StaffId("admin"), "a@example.com",
            Role.ADMIN);
    private static final StaffScope SERVICE = StaffScope.brandWide(Members.BRAND, new StaffId("svc"), "s@example.com",
            Role.SERVICE);
    private final InMemorySegments store = new InMemorySegments();
    private final List<MemberFacts> brandCards = new ArrayList<>(Members.ALL);
    private int pagesRead;
    private final Map<Card, MemberFacts> byCard = new HashMap<>();

    private SegmentUseCase useCase() {
        brandCards.forEach(f -> byCard.put(f.card(), f));
        BrandCardsPort cards = (brand, cursor, limit) -> {
            pagesRead++;
            int from = cursor.map(Integer::parseInt).orElse(0);
            int to = Math.min(brandCards.size(), from + limit);
            List<Card> page = brandCards.subList(from, to).stream().map(MemberFacts::card).toList();
            return new BrandCardsPort.CardsPage(page, to < brandCards.size() ? Optional.of(String.valueOf(to)) : Optional.empty());
        };
        MemberFactsPort facts = page -> page.stream().map(byCard::get).toList();
        return new SegmentUseCase(store, cards, facts, b -> ZoneOffset.UTC, new SeededRandom(7),
                new MutableClock(Instant.parse("2027-02-28T12:00:00Z")));
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
        assertEquals(SegmentUseCase.COUNT_PAGES, pagesRead);
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

    private static Segment accepted(Outcome<Segment> o) {
        if (o instanceof Rejected<Segment> r) {
            throw new AssertionError(r.rejection().detail());
        }
        return ((Accepted<Segment>) o).value();
    }

    private static String rejected(Outcome<Segment> o) {
        return ((Rejected<Segment>) o).rejection().detail();
    }
}
