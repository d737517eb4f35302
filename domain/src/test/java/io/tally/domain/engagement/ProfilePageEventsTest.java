package io.tally.domain.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tally.domain.account.ProfileEventsSource.ProfileEvent;
import io.tally.domain.card.CardNumber;
import io.tally.domain.fakes.InMemoryCardEvents;
import io.tally.domain.fakes.InMemoryEventDefinitions;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.TerminalId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProfilePageEventsTest {
    private static final BrandId BRAND = new BrandId("acme");
    private static final CardNumber CARD = new CardNumber("6000000000000007");
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private final InMemoryCardEvents events = new InMemoryCardEvents();
    private final InMemoryEventDefinitions definitions = new InMemoryEventDefinitions();
    private final ProfilePageEvents profile = new ProfilePageEvents(events, definitions);

    @Test
    void only_categories_marked_for_the_profile_page_show_newest_first_with_the_definitions_name() {
        define("review", "Wrote a review", "Thanks for your review", Set.of(EventDisplay.PROFILE_PAGE));
        define("complaint", "Complaint", "", Set.of(EventDisplay.SEGMENT_BUILDER));
        record("e1", "review", T0);
        record("e2", "complaint", T0.plusSeconds(60));
        record("e3", "review", T0.plusSeconds(120));
        record("e4", "unknown", T0.plusSeconds(180));

        assertEquals(List.of(new ProfileEvent(T0.plusSeconds(120), "Wrote a review", "Thanks for your review"),
                new ProfileEvent(T0, "Wrote a review", "Thanks for your review")), profile.forProfile(BRAND, CARD, 10));
        assertEquals(1, profile.forProfile(BRAND, CARD, 1).size());
        assertEquals(List.of(), profile.forProfile(BRAND, new CardNumber("6000000000000015"), 10));
    }

    @Test
    void unmarking_a_category_hides_its_events_at_once_and_marking_one_shows_those_kept() {
        define("review", "Wrote a review", "", Set.of(EventDisplay.PROFILE_PAGE));
        define("visit", "Visited", "", Set.of());
        record("e1", "review", T0);
        record("e2", "visit", T0.plusSeconds(60));
        assertEquals(1, profile.forProfile(BRAND, CARD, 10).size());

        define("review", "Wrote a review", "", Set.of());
        define("visit", "Visited", "", Set.of(EventDisplay.PROFILE_PAGE, EventDisplay.CAMPAIGN_MANAGER));
        assertEquals(List.of(new ProfileEvent(T0.plusSeconds(60), "Visited", "")), profile.forProfile(BRAND, CARD, 10));
    }

    private void define(String category, String name, String description, Set<EventDisplay> display) {
        definitions.save(new EventDefinition(BRAND, new EventCategoryId(category), EventType.OTHER, name, description,
                display, Sentiment.NEUTRAL));
    }

    private void record(String id, String category, Instant at) {
        events.record(new RecordedEvent(id, BRAND, CARD, new EventCategoryId(category), EventType.OTHER,
                Sentiment.NEUTRAL, at, at, new LocationId("web"), new TerminalId("site"), Optional.empty(), Map.of(),
                "ref-" + id));
    }
}
