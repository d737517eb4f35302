package io.tally.domain.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.engagement.EventCategoryId;
import io.tally.domain.engagement.EventDefinition;
import io.tally.domain.engagement.EventDisplay;
import io.tally.domain.engagement.EventType;
import io.tally.domain.engagement.Sentiment;
import io.tally.domain.fakes.InMemoryCardPort;
import io.tally.domain.fakes.InMemoryConfigStore;
import io.tally.domain.fakes.InMemoryEventDefinitions;
import io.tally.domain.fakes.RecordingEventPublisher;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.provisioning.Seed.BrandSeed;
import io.tally.domain.provisioning.Seed.EventSeed;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventSeedsTest {
    private final InMemoryEventDefinitions definitions = new InMemoryEventDefinitions();
    private final ApplySeedUseCase apply = new ApplySeedUseCase(new InMemoryConfigStore(), new InMemoryCardPort(),
            new RecordingEventPublisher(), new SeededRandom(7), Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"),
            ZoneOffset.UTC), null, null, null, definitions);

    private static Seed withEvents(List<EventSeed> events) {
        BrandSeed acme = ApplySeedUseCaseTest.demo(null, 0).brands().get(0);
        return new Seed(List.of(new BrandSeed(acme.id(), acme.name(), acme.requireEmployee(), acme.locationGroups(),
                acme.locations(), acme.terminals(), acme.employees(), acme.programs(), acme.apiKeys(), null, null, events)));
    }

    @Test
    void a_seeds_events_become_the_brands_definitions_and_applying_it_again_changes_nothing() {
        Seed seed = withEvents(List.of(
                new EventSeed("review", "feedback", "Wrote a review", "Any rating", List.of("profilePage", "campaignManager"),
                        "positive"),
                new EventSeed("app-open", "ecom", "Opened the app", null, null, null)));
        apply.apply(seed, false);

        BrandId acme = new BrandId("ACME");
        assertEquals(List.of(new EventDefinition(acme, new EventCategoryId("app-open"), EventType.ECOM, "Opened the app", "",
                        Set.of(), Sentiment.NEUTRAL),
                new EventDefinition(acme, new EventCategoryId("review"), EventType.FEEDBACK, "Wrote a review", "Any rating",
                        Set.of(EventDisplay.PROFILE_PAGE, EventDisplay.CAMPAIGN_MANAGER), Sentiment.POSITIVE)),
                definitions.list(acme));
        SeedReport again = apply.apply(seed, false);
        assertTrue(again.changedNothing());
    }

    @Test
    void every_bad_event_is_reported_and_nothing_is_written() {
        Seed seed = withEvents(List.of(
                new EventSeed("review", "pigeon", "Review", null, null, null),
                new EventSeed("a b", "other", "X", null, null, null),
                new EventSeed("x", "other", "X", null, List.of("billboard"), "ecstatic"),
                new EventSeed("y", "other", "Y", null, null, null),
                new EventSeed("y", "other", "Y again", null, null, null)));

        InvalidSeedException e = assertThrows(InvalidSeedException.class, () -> apply.apply(seed, false));
        assertEquals(4, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).contains("type is one of ecom"), e.problems().toString());
        assertTrue(e.problems().get(3).contains("declared twice"), e.problems().toString());
        assertTrue(definitions.list(new BrandId("ACME")).isEmpty());
    }

    @Test
    void a_runtime_without_a_store_for_definitions_refuses_a_seed_that_has_some() {
        ApplySeedUseCase without = new ApplySeedUseCase(new InMemoryConfigStore(), new InMemoryCardPort(),
                new RecordingEventPublisher(), new SeededRandom(7), Clock.systemUTC());
        InvalidSeedException e = assertThrows(InvalidSeedException.class, () -> without.apply(withEvents(List.of(
                new EventSeed("review", "feedback", "Review", null, null, null))), false));
        assertEquals(List.of("brand ACME: this runtime cannot store event definitions"), e.problems());
    }
}
