package io.tally.lambda.merchant;

import static io.tally.lambda.merchant.MerchantHarness.j;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.engagement.EventCategoryId;
import io.tally.domain.engagement.EventDefinition;
import io.tally.domain.engagement.EventType;
import io.tally.domain.engagement.RecordedEvent;
import io.tally.domain.engagement.RecordedEventsListener;
import io.tally.domain.engagement.Sentiment;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.event.HandleEventUseCase;
import io.tally.domain.fakes.InMemoryCardEvents;
import io.tally.domain.fakes.TestWorld;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code recordEvent} through the whole merchant API on the in-memory fakes, and its processing by the consumer. */
class RecordEventMethodTest {
    private final MerchantHarness h = new MerchantHarness();
    private final InMemoryCardEvents cardEvents = new InMemoryCardEvents();
    private final HandleEventUseCase consumer = new HandleEventUseCase(h.world.programs,
            List.of(new RecordedEventsListener(cardEvents)));

    RecordEventMethodTest() {
        h.eventDefinitions.save(new EventDefinition(TestWorld.BRAND, new EventCategoryId("review"), EventType.FEEDBACK,
                "Review", "", Set.of(), Sentiment.POSITIVE));
        h.eventDefinitions.save(new EventDefinition(TestWorld.OTHER_BRAND, new EventCategoryId("theirs"), EventType.OTHER,
                "Theirs", "", Set.of(), Sentiment.NEGATIVE));
    }

    private List<DomainEvent> recorded() {
        return h.world.events.published().stream().filter(e -> e.type().equals(RecordedEvent.TYPE)).toList();
    }

    @Test
    void an_event_is_accepted_at_once_and_processed_from_the_queue_once_however_often_delivered() {
        CardNumber card = h.world.activeCard();
        var r = h.call("recordEvent", j("{'cardNumber':" + card.value() + ",'categoryId':'review','value':4.5,"
                + "'eventTime':'2024-12-31 23:00:00','customData':{'product':'SKU-1','stars':5}}"));

        assertTrue(r.ok(), r.raw());
        assertEquals("review", r.get("categoryId").asText());
        assertEquals(card.value(), r.get("cardNumber").asText());
        assertEquals("2024-12-31 23:00:00", r.get("eventTime").asText());
        assertEquals(4.5, r.get("value").asDouble());
        assertEquals(1, recorded().size());
        DomainEvent message = recorded().get(0);
        assertEquals(r.get("eventId").asText(), message.id());

        consumer.handle(message);
        consumer.handle(message);
        var kept = cardEvents.newest(TestWorld.BRAND, card, 10);
        assertEquals(1, kept.size());
        assertEquals(Map.of("product", "SKU-1", "stars", "5"), kept.get(0).customData());
        assertEquals("store-1", kept.get(0).location().value());
        assertEquals("pos-1", kept.get(0).terminal().value());
        assertEquals(Sentiment.POSITIVE, kept.get(0).sentiment());
        assertEquals(r.get("requestRef").asText(), kept.get(0).requestRef());
    }

    @Test
    void a_repeated_custom_request_id_answers_the_first_answer_and_queues_nothing_more() {
        CardNumber card = h.world.activeCard();
        String body = j("{'cardNumber':'" + card.value() + "','categoryId':'review'}");
        var first = h.call("recordEvent", body, Map.of("customRequestId", "evt-1"));
        var again = h.call("recordEvent", body, Map.of("customRequestId", "evt-1"));
        var reused = h.call("recordEvent", j("{'cardNumber':'" + card.value() + "','categoryId':'review','value':1}"),
                Map.of("customRequestId", "evt-1"));

        assertTrue(first.ok(), first.raw());
        assertEquals(first.raw(), again.raw());
        assertEquals(26, reused.code(), reused.raw());
        assertEquals(1, recorded().size());
    }

    @Test
    void a_retry_after_the_first_attempts_claim_lapsed_keeps_the_event_once_without_an_event_time() {
        CardNumber card = h.world.activeCard();
        String body = j("{'cardNumber':'" + card.value() + "','categoryId':'review'}");
        h.world.clock.tickOnEveryRead(java.time.Duration.ofMillis(3)); // time passes between the claim and the use case
        h.world.idempotency.failNextCompletions(1); // the first answer is lost before its claim completes
        var first = h.call("recordEvent", body, Map.of("customRequestId", "evt-lapsed"));
        h.world.clock.advance(java.time.Duration.ofMinutes(5)); // the claim's lease lapses; the till retries
        var retry = h.call("recordEvent", body, Map.of("customRequestId", "evt-lapsed"));

        assertTrue(first.ok(), first.raw());
        assertTrue(retry.ok(), retry.raw());
        assertEquals(first.get("eventId").asText(), retry.get("eventId").asText());
        assertEquals(first.get("eventTime").asText(), retry.get("eventTime").asText());
        assertEquals(2, recorded().size(), "both attempts queued the event");
        recorded().forEach(consumer::handle);
        assertEquals(1, cardEvents.newest(TestWorld.BRAND, card, 10).size(), "the card keeps the event once");
    }

    @Test
    void bad_requests_are_refused_with_their_codes_and_queue_nothing() {
        CardNumber card = h.world.activeCard();
        String c = card.value();
        assertEquals(6, h.call("recordEvent", j("{'categoryId':'review'}")).code());
        assertEquals(1, h.call("recordEvent", j("{'cardNumber':'" + c + "'}")).code());
        var unknown = h.call("recordEvent", j("{'cardNumber':'" + c + "','categoryId':'nope'}"));
        assertEquals(42, unknown.code());
        assertEquals("The brand has no event of category nope.", unknown.message());
        assertEquals(42, h.call("recordEvent", j("{'cardNumber':'" + c + "','categoryId':'theirs'}")).code(),
                "another brand's category is unknown here");
        assertEquals(9, h.call("recordEvent", j("{'cardNumber':'" + h.world.activeCard(TestWorld.OTHER_BRAND).value()
                + "','categoryId':'review'}")).code(), "another brand's card is not found");
        assertEquals(11, h.call("recordEvent", j("{'cardNumber':'" + h.world.poolCard(TestWorld.BRAND).value()
                + "','categoryId':'review'}")).code());
        assertEquals(20, h.call("recordEvent", j("{'cardNumber':'" + c + "','categoryId':'review','value':1.234}")).code());
        assertEquals(1, h.call("recordEvent", j("{'cardNumber':'" + c + "','categoryId':'review','eventTime':'yesterday'}"))
                .code());
        assertEquals(1, h.call("recordEvent", j("{'cardNumber':'" + c + "','categoryId':'review','customData':[1]}")).code());
        assertTrue(recorded().isEmpty());
    }
}
