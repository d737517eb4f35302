package io.tally.local.office;

import static io.tally.local.office.OfficeTestSupport.DEMO;
import static io.tally.local.office.OfficeTestSupport.check;
import static io.tally.local.office.OfficeTestSupport.fill;
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
import org.openqa.selenium.support.ui.Select;

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

    private static String main() {
        return browser.driver().findElement(By.tagName("main")).getText();
    }

    private static void post(String action) {
        OfficeTestSupport.clickAndWait(browser,
                browser.driver().findElement(By.cssSelector("form[action='/admin" + action + "'] button[type=submit]")));
    }

    private static void choose(String name, String value) {
        new Select(browser.driver().findElement(By.name(name))).selectByValue(value);
    }

    @Test
    void an_admin_defines_and_edits_an_event_and_an_analyst_only_looks() {
        OfficeTestSupport.readyStaff(tally, browser, DEMO, "events.admin@example.com", PASSWORD, Role.ADMIN);
        signIn(tally, browser, "events.admin@example.com", PASSWORD);
        visit(tally, browser, "/setup", "events-setup-home");
        assertTrue(main().contains("Events"), main());

        visit(tally, browser, "/setup/events", "events-list");
        assertTrue(main().contains("Wrote a review"), "the demo seed's events: " + main());
        assertTrue(main().contains("Complained"), main());

        fill(browser, "category", "newsletter-signup");
        choose("type", "email");
        post("/setup/events");
        assertTrue(main().contains("Name the event (at most 100 characters)."), main());
        check(browser, "events-refused");

        fill(browser, "name", "Signed up for the newsletter");
        fill(browser, "description", "Double opt-in confirmed");
        choose("sentiment", "positive");
        browser.driver().findElement(By.id("display-segmentBuilder")).click();
        post("/setup/events");
        assertTrue(main().contains("Saved."), main());
        assertTrue(main().contains("Signed up for the newsletter"), main());
        check(browser, "events-created");

        visit(tally, browser, "/setup/events/newsletter-signup", "events-edit");
        choose("sentiment", "neutral");
        browser.driver().findElement(By.id("display-profilePage")).click();
        post("/setup/events/newsletter-signup");
        assertTrue(main().contains("Saved."), main());
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
        assertTrue(main().contains("newsletter-signup"), main());
        assertTrue(main().contains("list: offers"), main());
        assertTrue(main().contains("Events by sentiment\nneutral 1"), main());
        assertTrue(main().contains("Visits (90 minutes each)\n1"), main());

        signOut(browser);
        OfficeTestSupport.readyStaff(tally, browser, DEMO, "events.analyst@example.com", PASSWORD, Role.ANALYST);
        signIn(tally, browser, "events.analyst@example.com", PASSWORD);
        visit(tally, browser, "/setup/events", "events-list-analyst");
        assertTrue(main().contains("Signed up for the newsletter"), main());
        assertEquals(0, browser.driver().findElements(By.cssSelector("main form")).size(), "read-only: no form");
        visit(tally, browser, "/setup/events/review", "events-edit-analyst");
        assertEquals("Not found", browser.driver().findElement(By.tagName("h1")).getText());
    }
}
