package io.tally.local;

import static io.tally.local.MerchantClient.code;
import static io.tally.local.MerchantClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.domain.card.CardNumber;
import io.tally.domain.engagement.RecordedEvent;
import io.tally.domain.engagement.Sentiment;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.dynalite.LocalDynamo;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.local.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code recordEvent} end to end on the local stack (demo seed): accepted over HTTP, queued on ElasticMQ, processed by
 * the events consumer into the card's events and statistics (a ledger entry's too) and the demo's event campaign
 * (REVIEW-50: 50 points for a review); a retry with the same customRequestId answers the same body and the card still
 * holds the event and its 50 points once; refusals queue nothing.
 */
class RecordEventIT {
    private static final BrandId DEMO = new BrandId("DEMO");
    private static LocalTally tally;
    private static DynamoDbClient dynamo;
    private static DynamoStorage storage;

    @BeforeAll
    static void start() throws Exception {
        tally = MerchantSliceIT.startWithDemoSeed("record-event-it");
        dynamo = LocalDynamo.client(tally.endpoints().dynamoEndpoint());
        storage = new DynamoStorage(dynamo, tally.endpoints().tableName());
    }

    @AfterAll
    static void stop() {
        try (LocalTally closing = tally; DynamoDbClient client = dynamo) {
            // both closed, the client first (try-with-resources closes in reverse order), either may be null
        }
    }

    private static long points(String card) {
        return storage.cardLedger().head(DEMO, new CardNumber(card)).orElseThrow().stateAfter()
                .balance(ValueTypeKey.points()).total();
    }

    private static List<RecordedEvent> events(String card) {
        return storage.cardEvents().newest(DEMO, new CardNumber(card), 10);
    }

    @Test
    void an_event_is_accepted_processed_asynchronously_and_kept_once_across_a_retry() {
        MerchantClient demo = MerchantClient.demo(tally);
        String card = ok(demo.call("allocate", "{\"cardSetId\": \"LOYAL01\"}")).get("cardNumber").asText();
        String body = "{\"cardNumber\": \"" + card + "\", \"categoryId\": \"review\", \"value\": 4.5,"
                + " \"customData\": {\"site\": \"app-store\"}}";
        MerchantClient withId = demo.with("customRequestId", "it-review-1");

        var response = withId.send("recordEvent", body);
        String first = response.body();
        JsonNode answer = ok(MerchantClient.parse(response));
        Await.until("the event processed", Duration.ofSeconds(30),
                () -> storage.cardStats().stats(DEMO, new CardNumber(card)).events().seen() == 1);
        assertEquals(first, withId.send("recordEvent", body).body(), "a retry answers the first body");

        List<RecordedEvent> kept = events(card);
        assertEquals(1, kept.size());
        RecordedEvent review = kept.get(0);
        assertEquals(answer.get("eventId").asText(), review.id());
        assertEquals(Sentiment.POSITIVE, review.sentiment());
        assertEquals("DEMO001", review.location().value());
        assertEquals(Map.of("site", "app-store"), review.customData());
        assertEquals(450L, review.valueHundredths().orElseThrow());
        var stats = storage.cardStats().stats(DEMO, new CardNumber(card)).events();
        assertEquals(Map.of("review", 1L), stats.byCategory());
        assertEquals(Map.of("positive", 1L), stats.bySentiment());

        // the demo's event campaign REVIEW-50 awarded 50 points (entry 1) before the statistics counted the event
        assertEquals(50, points(card));
        assertEquals(first, withId.send("recordEvent", body).body(), "another retry answers the first body too");

        ok(demo.call("updateBalance", "{\"cardNumber\": \"" + card + "\", \"action\": \"issue\","
                + " \"amount\": {\"balanceType\": \"Points\", \"amount\": 25}}"));
        Await.until("the issue's statistics", Duration.ofSeconds(30),
                () -> storage.cardStats().stats(DEMO, new CardNumber(card)).ledger().through() == 2);
        assertEquals(75, points(card), "the review's 50 points once, and the issue's 25");

        assertEquals(42, code(demo.call("recordEvent", "{\"cardNumber\": \"" + card + "\", \"categoryId\": \"tweet\"}")));
        assertEquals(6, code(demo.call("recordEvent", "{\"categoryId\": \"review\"}")));
    }
}
