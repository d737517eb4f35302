package io.tally.local.office;

import static io.tally.local.office.OfficeTestSupport.DEMO;
import static io.tally.local.office.OfficeTestSupport.awaitActivity;
import static io.tally.local.office.OfficeTestSupport.awaitSignedOut;
import static io.tally.local.office.OfficeTestSupport.check;
import static io.tally.local.office.OfficeTestSupport.fill;
import static io.tally.local.office.OfficeTestSupport.readyStaff;
import static io.tally.local.office.OfficeTestSupport.signIn;
import static io.tally.local.office.OfficeTestSupport.signOut;
import static io.tally.local.office.OfficeTestSupport.submit;
import static io.tally.local.office.OfficeTestSupport.url;
import static io.tally.local.office.OfficeTestSupport.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.domain.card.CardNumber;
import io.tally.domain.staff.Role;
import io.tally.local.LocalTally;
import io.tally.local.portal.Browser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Customer service in headless Chromium against the local platform: a card used at Main Street (group STORES) whose
 * holder is "Zoë Ångström", another used only at the web shop (group ONLINE). Customer service finds the first by a
 * lower-case, accent-free prefix, opens its page and sees balances and history, looks its transaction up by request
 * ref and lists the brand's transactions. A manager of ONLINE gets the not-found page for the Main Street card (by
 * URL) exactly as for a card that does not exist, and no Main Street transactions (also by the location parameter).
 * Every page passes axe-core and is photographed.
 */
class CustomerServiceBrowserIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PASSWORD = "Correct-Horse-42";

    private static LocalTally tally;
    private static Browser browser;
    private static String storeCard;
    private static String webCard;
    private static String storeRef;

    @BeforeAll
    static void start() throws Exception {
        tally = OfficeTestSupport.start("office-customer-service");
        browser = OfficeTestSupport.browser();
        storeCard = allocate("DEMO001", "pos-1");
        ok(merchant("DEMO001", "pos-1", "updateAccount", "{\"cardNumber\": \"" + storeCard + "\", \"primaryCustomer\": "
                + "{\"firstName\": \"Zoë\", \"lastName\": \"Ångström\", \"email\": \"zoe@example.com\"}}"));
        storeRef = ok(issue("DEMO001", "pos-1", storeCard, "25.00")).get("requestRef").asText();
        ok(issue("DEMO001", "pos-1", storeCard, "5.50"));
        webCard = allocate("DEMOWEB", "web");
        ok(issue("DEMOWEB", "web", webCard, "40.00"));
        awaitActivity(tally, 3);
        readyStaff(tally, browser, DEMO, "service@example.com", PASSWORD, Role.SERVICE);
        awaitSignedOut(browser);
        readyStaff(tally, browser, DEMO, "online.manager@example.com", PASSWORD, Role.MANAGER, "ONLINE");
        awaitSignedOut(browser);
    }

    @AfterAll
    static void stop() {
        OfficeTestSupport.close(tally, browser);
    }

    @Test
    void customer_service_finds_a_card_by_an_accent_free_lower_case_name_and_reads_its_page() {
        signIn(tally, browser, "service@example.com", PASSWORD);
        visit(tally, browser, "/search", "office-search");
        new Select(browser.driver().findElement(By.name("by"))).selectByValue("FIRST_NAME");
        fill(browser, "q", "zo");
        submit(browser);
        check(browser, "office-search-results");
        browser.driver().findElement(By.linkText(storeCard)).click();

        assertEquals("Card " + storeCard, heading());
        String page = main();
        assertTrue(page.contains("30.50 Currency:USD"), page);
        assertTrue(page.contains("+25.00 Currency:USD"), "the history shows each change");
        assertTrue(page.contains("25.00 Currency:USD"), "and the balances after each entry");
        assertTrue(page.contains("Ångström"), page);
        check(browser, "office-card");

        visit(tally, browser, "/lookup?by=ref&q=" + storeRef, "office-lookup");
        assertTrue(main().contains(storeCard), main());
        visit(tally, browser, "/transactions", "office-transactions");
        assertTrue(main().contains(storeCard) && main().contains(webCard), main());
        signOut(browser);
        awaitSignedOut(browser);
    }

    @Test
    void a_group_manager_cannot_reach_another_groups_card_or_transactions_even_by_editing_urls() {
        signIn(tally, browser, "online.manager@example.com", PASSWORD);
        visit(tally, browser, "/cards/" + webCard, "office-card-manager");
        assertEquals("Card " + webCard, heading());

        visit(tally, browser, "/cards/" + storeCard, "office-card-out-of-scope");
        String outOfScope = browser.driver().getPageSource();
        browser.open(url(tally, "/cards/" + unknownCard()));
        String unknown = browser.driver().getPageSource();
        assertEquals("Not found", heading());
        assertEquals(unknown.replace(unknownCard(), ""), outOfScope.replace(storeCard, ""),
                "a card used at another group's location answers exactly like a card that does not exist");

        visit(tally, browser, "/transactions", "office-transactions-manager");
        assertTrue(main().contains(webCard), main());
        assertFalse(main().contains(storeCard), "no transaction of another group's location");
        assertFalse(browser.driver().getPageSource().contains("value=\"DEMO001\""), "no foreign location to choose");

        visit(tally, browser, "/transactions?location=DEMO001", "office-transactions-foreign-location");
        String foreign = main();
        browser.open(url(tally, "/transactions?location=NOWHERE"));
        assertEquals(main(), foreign, "another group's location answers like a location that does not exist");
        assertFalse(foreign.contains(storeCard));

        browser.open(url(tally, "/search?by=FIRST_NAME&q=zo"));
        assertTrue(main().contains("No card found."), main());
        browser.open(url(tally, "/lookup?by=ref&q=" + storeRef));
        assertTrue(main().contains("No transaction found."), main());
        signOut(browser);
        awaitSignedOut(browser);
    }

    private static String heading() {
        return OfficeTestSupport.heading(browser);
    }

    private static String main() {
        return browser.driver().findElement(By.tagName("main")).getText();
    }

    /** A well-formed card number of the gift card set's prefix that no card has. */
    private static String unknownCard() {
        String payload = "600000000000000";
        return payload + CardNumber.luhnCheckDigit(payload);
    }

    private static String allocate(String location, String terminal) {
        return ok(merchant(location, terminal, "allocate", "{\"cardSetId\": \"GIFT01\"}")).get("cardNumber").asText();
    }

    private static JsonNode issue(String location, String terminal, String card, String amount) {
        return merchant(location, terminal, "updateBalance", "{\"cardNumber\": \"" + card + "\", \"action\": \"issue\", "
                + "\"amount\": {\"balanceType\": \"Currency\", \"balanceCode\": \"USD\", \"amount\": " + amount + "}}");
    }

    private static JsonNode ok(JsonNode answer) {
        assertTrue(answer.path("success").asBoolean(), answer.toString());
        return answer;
    }

    /** One merchant API call with the demo key at a location, as a till sends it. */
    private static JsonNode merchant(String location, String terminal, String method, String body) {
        String auth = Base64.getEncoder().encodeToString("demo-pos:demo-secret-do-not-use-in-production"
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tally.endpoints().baseUrl() + "/merchant/" + method))
                .header("Authorization", "Basic " + auth).header("brand", "DEMO").header("location", location)
                .header("terminal", terminal).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
