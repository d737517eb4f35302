package io.tally.local.office;

import static io.tally.local.office.OfficeTestSupport.DEMO;
import static io.tally.local.office.OfficeTestSupport.check;
import static io.tally.local.office.OfficeTestSupport.choose;
import static io.tally.local.office.OfficeTestSupport.fill;
import static io.tally.local.office.OfficeTestSupport.mainText;
import static io.tally.local.office.OfficeTestSupport.post;
import static io.tally.local.office.OfficeTestSupport.signIn;
import static io.tally.local.office.OfficeTestSupport.signOut;
import static io.tally.local.office.OfficeTestSupport.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.engagement.EventCategoryId;
import io.tally.domain.engagement.EventDefinition;
import io.tally.domain.engagement.EventDisplay;
import io.tally.domain.engagement.Sentiment;
import io.tally.domain.staff.Role;
import io.tally.dynamo.dynalite.LocalDynamo;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.local.LocalTally;
import io.tally.local.MerchantClient;
import io.tally.local.testing.Await;
import io.tally.local.portal.Browser;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Event definitions in headless Chromium: the demo seed's events are listed, an admin defines one (a refused form
 * first), edits it, records it for a card through the merchant API and finds it, with the card's statistics, on the
 * card's page; an analyst sees the list read-only. Every page passes axe-core and is kept as a screenshot.
 */
class EventDefinitionsBrowserIT {
    private static final String PASSWORD = "Events-Admin-42";
    private static LocalTally tally;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        tally = OfficeTestSupport.start("office-events");
        browser = OfficeTestSupport.browser();
    }

    @AfterAll
    static void stop() {
        OfficeTestSupport.close(tally, browser);
    }

    @Test
    void an_admin_defines_edits_and_records_an_event_seen_on_the_card_page_and_an_analyst_only_looks() {
        OfficeTestSupport.readyStaff(tally, browser, DEMO, "events.admin@example.com", PASSWORD, Role.ADMIN);
        signIn(tally, browser, "events.admin@example.com", PASSWORD);
        visit(tally, browser, "/setup", "events-setup-home");
        assertTrue(mainText(browser).contains("Events"), mainText(browser));

        visit(tally, browser, "/setup/events", "events-list");
        assertTrue(mainText(browser).contains("Wrote a review"), "the demo seed's events: " + mainText(browser));
        assertTrue(mainText(browser).contains("Complained"), mainText(browser));

        fill(browser, "category", "newsletter-signup");
        choose(browser, "type", "email");
        post(browser, "/setup/events");
        assertTrue(mainText(browser).contains("Name the event (at most 100 characters)."), mainText(browser));
        check(browser, "events-refused");

        fill(browser, "name", "Signed up for the newsletter");
        fill(browser, "description", "Double opt-in confirmed");
        choose(browser, "sentiment", "positive");
        browser.driver().findElement(By.id("display-segmentBuilder")).click();
        post(browser, "/setup/events");
        assertTrue(mainText(browser).contains("Saved."), mainText(browser));
        assertTrue(mainText(browser).contains("Signed up for the newsletter"), mainText(browser));
        check(browser, "events-created");

        visit(tally, browser, "/setup/events/newsletter-signup", "events-edit");
        choose(browser, "sentiment", "neutral");
        browser.driver().findElement(By.id("display-profilePage")).click();
        post(browser, "/setup/events/newsletter-signup");
        assertTrue(mainText(browser).contains("Saved."), mainText(browser));
        EventDefinition stored;
        try (var dynamo = LocalDynamo.client(tally.endpoints().dynamoEndpoint())) {
            stored = new DynamoStorage(dynamo, tally.endpoints().tableName()).eventDefinitions()
                    .find(DEMO, new EventCategoryId("newsletter-signup")).orElseThrow();
        }
        assertEquals(Sentiment.NEUTRAL, stored.sentiment());
        assertEquals(Set.of(EventDisplay.PROFILE_PAGE, EventDisplay.SEGMENT_BUILDER), stored.display());
        assertEquals("Double opt-in confirmed", stored.description());

        MerchantClient demo = MerchantClient.demo(tally);
        String card = MerchantClient.ok(demo.call("allocate", "{\"cardSetId\": \"LOYAL01\"}")).get("cardNumber").asText();
        MerchantClient.ok(demo.call("updateBalance", "{\"cardNumber\": \"" + card + "\", \"action\": \"issue\","
                + " \"amount\": {\"balanceType\": \"Points\", \"amount\": 25}}"));
        MerchantClient.ok(demo.call("recordEvent", "{\"cardNumber\": \"" + card + "\", \"categoryId\": \"newsletter-signup\","
                + " \"customData\": {\"list\": \"offers\"}}"));
        try (var dynamo = LocalDynamo.client(tally.endpoints().dynamoEndpoint())) {
            var stats = new DynamoStorage(dynamo, tally.endpoints().tableName()).cardStats();
            Await.until("the card's statistics", Duration.ofSeconds(30), () -> {
                var s = stats.stats(DEMO, new CardNumber(card));
                return s.events().seen() == 1 && s.ledger().visits() == 1;
            });
        }
        visit(tally, browser, "/cards/" + card, "events-card-page");
        assertTrue(mainText(browser).contains("newsletter-signup"), mainText(browser));
        assertTrue(mainText(browser).contains("list: offers"), mainText(browser));
        assertTrue(mainText(browser).contains("Events by sentiment\nneutral 1"), mainText(browser));
        assertTrue(mainText(browser).contains("Visits (90 minutes each)\n1"), mainText(browser));

        signOut(browser);
        OfficeTestSupport.readyStaff(tally, browser, DEMO, "events.analyst@example.com", PASSWORD, Role.ANALYST);
        signIn(tally, browser, "events.analyst@example.com", PASSWORD);
        visit(tally, browser, "/setup/events", "events-list-analyst");
        assertTrue(mainText(browser).contains("Signed up for the newsletter"), mainText(browser));
        assertEquals(0, browser.driver().findElements(By.cssSelector("main form")).size(), "read-only: no form");
        visit(tally, browser, "/setup/events/review", "events-edit-analyst");
        assertEquals("Not found", browser.driver().findElement(By.tagName("h1")).getText());
    }
}
