package io.tally.domain.engagement;

import static io.tally.domain.fakes.TestWorld.BRAND;
import static io.tally.domain.fakes.TestWorld.OTHER_BRAND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.contract.ContractData;
import io.tally.domain.engagement.RecordEventUseCase.RecordEventCommand;
import io.tally.domain.event.HandleEventUseCase;
import io.tally.domain.fakes.InMemoryCardEvents;
import io.tally.domain.fakes.InMemoryEventDefinitions;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Outcome.Rejected;
import io.tally.domain.shared.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordEventUseCaseTest {
    private final TestWorld w = new TestWorld();
    private final InMemoryEventDefinitions definitions = new InMemoryEventDefinitions();
    private final InMemoryCardEvents cardEvents = new InMemoryCardEvents();
    private final RecordEventUseCase record = new RecordEventUseCase(w.cards, definitions, w.events, w.random, w.clock);
    private final HandleEventUseCase consumer = new HandleEventUseCase(w.programs,
            List.of(new RecordedEventsListener(cardEvents)));

    RecordEventUseCaseTest() {
        definitions.save(new EventDefinition(BRAND, new EventCategoryId("review"), EventType.FEEDBACK, "Review", "",
                Set.of(), Sentiment.POSITIVE));
        definitions.save(new EventDefinition(OTHER_BRAND, new EventCategoryId("theirs"), EventType.OTHER, "Theirs", "",
                Set.of(), Sentiment.NEGATIVE));
    }

    private RecordEventCommand command(CardNumber card, String category, Optional<String> requestId) {
        return new RecordEventCommand(TestWorld.context(), card, new EventCategoryId(category), Optional.empty(),
                Optional.of(500L), Map.of("stars", "5"), "ref-1", requestId);
    }

    private static Reason reason(Outcome<?> o) {
        return ((Rejected<?>) o).rejection().reason();
    }

    @Test
    void an_accepted_event_is_queued_with_the_definitions_sentiment_and_processed_once_however_often_delivered() {
        CardNumber card = w.activeCard();
        RecordedEvent accepted = record.record(command(card, "review", Optional.of("req-1"))).value();

        assertEquals(Sentiment.POSITIVE, accepted.sentiment());
        assertEquals(w.clock.instant(), accepted.occurredAt());
        assertEquals(1, w.events.published().size());
        var message = w.events.published().get(0);
        assertEquals(RecordedEvent.TYPE, message.type());
        assertEquals(Optional.of(accepted), RecordedEvent.of(message));

        consumer.handle(message);
        consumer.handle(message);
        assertEquals(List.of(accepted), cardEvents.newest(BRAND, card, 10));
    }

    @Test
    void a_retry_of_the_same_custom_request_id_queues_the_same_event_id_and_without_one_every_call_is_new() {
        CardNumber card = w.activeCard();
        String first = record.record(command(card, "review", Optional.of("req-1"))).value().id();
        String again = record.record(command(card, "review", Optional.of("req-1"))).value().id();
        String other = record.record(command(card, "review", Optional.of("req-2"))).value().id();
        String anonymous1 = record.record(command(card, "review", Optional.empty())).value().id();
        String anonymous2 = record.record(command(card, "review", Optional.empty())).value().id();

        assertEquals(first, again);
        assertNotEquals(first, other);
        assertNotEquals(anonymous1, anonymous2);
    }

    @Test
    void unknown_or_another_brands_category_an_unknown_or_inactive_card_and_a_time_out_of_range_are_refused_unqueued() {
        CardNumber card = w.activeCard();
        assertEquals(Reason.UNKNOWN_EVENT_CATEGORY, reason(record.record(command(card, "never-defined", Optional.empty()))));
        assertEquals(Reason.UNKNOWN_EVENT_CATEGORY, reason(record.record(command(card, "theirs", Optional.empty()))));
        assertEquals(Reason.CARD_NOT_FOUND, reason(record.record(command(ContractData.freshCard(), "review",
                Optional.empty()))));
        assertEquals(Reason.CARD_NOT_FOUND, reason(record.record(command(w.activeCard(OTHER_BRAND),
                "review", Optional.empty()))));
        assertEquals(Reason.CARD_NOT_ACTIVE, reason(record.record(command(w.poolCard(BRAND), "review", Optional.empty()))));
        Instant future = w.clock.instant().plus(Duration.ofMinutes(6));
        assertEquals(Reason.INVALID_REQUEST, reason(record.record(new RecordEventCommand(TestWorld.context(), card,
                new EventCategoryId("review"), Optional.of(future), Optional.empty(), Map.of(), "ref", Optional.empty()))));
        assertTrue(w.events.published().isEmpty());
    }
}
