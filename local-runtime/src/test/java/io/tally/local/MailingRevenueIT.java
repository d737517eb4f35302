package io.tally.local;

import static io.tally.local.MerchantClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.communication.CardMailing;
import io.tally.domain.communication.MailingRevenuePort.Revenue;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.dynalite.LocalDynamo;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.local.testing.Await;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Revenue attribution end to end on the local stack (demo seed): a card's mailing kept as the e-mail sender keeps it,
 * a checkout over HTTP whose ledger event goes through the events queue (ElasticMQ) to the events consumer, which
 * attributes its total (and its coffee line to the demo's SKU tag) to the mailing (dynalite); a mailing older than the window gets nothing; its void takes it out.
 */
class MailingRevenueIT {
    private static final BrandId DEMO = new BrandId("DEMO");
    private static LocalTally tally;
    private static DynamoDbClient dynamo;
    private static DynamoStorage storage;

    @BeforeAll
    static void start() throws Exception {
        tally = MerchantSliceIT.startWithDemoSeed("mailing-revenue-it");
        dynamo = LocalDynamo.client(tally.endpoints().dynamoEndpoint());
        storage = new DynamoStorage(dynamo, tally.endpoints().tableName());
    }

    @AfterAll
    static void stop() {
        try (LocalTally closing = tally; DynamoDbClient client = dynamo) {
            // both closed, the client first (try-with-resources closes in reverse order), either may be null
        }
    }

    @Test
    void a_checkout_through_the_events_queue_is_attributed_to_the_cards_last_mailing_once_and_its_void_takes_it_out() {
        MerchantClient demo = MerchantClient.demo(tally);
        String card = ok(demo.call("allocate", "{\"cardSetId\": \"LOYAL01\"}")).get("cardNumber").asText();
        String recent = "send-r" + card;
        String old = "send-o" + card;
        Instant now = Instant.now();
        storage.cardMailings().record(new CardMailing(DEMO, new CardNumber(card), recent + "-" + card, recent, "news",
                "tpl-it", now.minus(Duration.ofHours(1)), CardMailing.Channel.EMAIL));
        storage.cardMailings().record(new CardMailing(DEMO, new CardNumber(card), old + "-" + card, old, "news",
                "tpl-it", now.minus(Duration.ofDays(8)), CardMailing.Channel.EMAIL));

        String txn = ok(demo.call("checkout", "{\"cardNumber\": \"" + card + "\", \"products\": [{\"sku\": \"IT-MAIL\","
                + " \"amountPurchased\": 1, \"unitPrice\": 7.84}, {\"sku\": \"LATTE\", \"unitPrice\": 4.50}],"
                + " \"checkoutTotal\": 12.34}")).get("transactionId").asText();
        Await.until("the checkout attributed", Duration.ofSeconds(30),
                () -> storage.mailingRevenue().ofMailing(DEMO, recent).checkouts() == 1);
        assertEquals(new Revenue(1234, 1), storage.mailingRevenue().ofMailing(DEMO, recent));
        assertEquals(Revenue.NONE, storage.mailingRevenue().ofMailing(DEMO, old), "sent more than 7 days before");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertTrue(storage.mailingRevenue().daily(DEMO, today.minusDays(1), today.plusDays(1)).stream()
                .anyMatch(d -> d.mailing().equals(recent) && d.revenue().equals(new Revenue(1234, 1))));
        assertTrue(storage.mailingRevenue().daily(DEMO, today.minusDays(1), today.plusDays(1), Optional.of("coffee"))
                .stream().anyMatch(d -> d.mailing().equals(recent) && d.revenue().equals(new Revenue(450, 1))),
                "the demo's coffee tag: the latte's line");

        ok(demo.call("voidTransaction", "{\"transactionId\": \"" + txn + "\"}"));
        Await.until("the void taken out", Duration.ofSeconds(30),
                () -> storage.mailingRevenue().ofMailing(DEMO, recent).checkouts() == 0);
        assertTrue(storage.mailingRevenue().daily(DEMO, today.minusDays(1), today.plusDays(1), Optional.of("coffee"))
                .stream().noneMatch(d -> d.mailing().equals(recent)), "the void took the tag's revenue out too");
    }
}
