package io.tally.local.office;

import static io.tally.local.office.OfficeTestSupport.DEMO;
import static io.tally.local.office.OfficeTestSupport.check;
import static io.tally.local.office.OfficeTestSupport.fill;
import static io.tally.local.office.OfficeTestSupport.mainText;
import static io.tally.local.office.OfficeTestSupport.post;
import static io.tally.local.office.OfficeTestSupport.signIn;
import static io.tally.local.office.OfficeTestSupport.visit;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.staff.Role;
import io.tally.local.LocalTally;
import io.tally.local.MerchantClient;
import io.tally.local.portal.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Communications in headless Chromium: an admin creates and archives a subscription list, makes a test list of a card
 * (a number not the brand's refused first), builds a template with merge
 * fields (an unknown field refused first, a script cleaned away) and previews it for a card with the card's data,
 * escaped. Every page passes axe-core and is kept as a screenshot.
 */
class CommunicationBrowserIT {
    private static final String PASSWORD = "Comms-Admin-42!";
    private static LocalTally tally;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        tally = OfficeTestSupport.start("office-communication");
        browser = OfficeTestSupport.browser();
    }

    @AfterAll
    static void stop() {
        OfficeTestSupport.close(tally, browser);
    }

    @Test
    void an_admin_manages_lists_builds_a_template_with_merge_fields_and_previews_it_for_a_card() {
        OfficeTestSupport.readyStaff(tally, browser, DEMO, "comms.admin@example.com", PASSWORD, Role.ADMIN);
        signIn(tally, browser, "comms.admin@example.com", PASSWORD);

        visit(tally, browser, "/setup/lists", "comms-lists");
        assertTrue(mainText(browser).contains("Offers and news"), mainText(browser));
        fill(browser, "id", "spring");
        fill(browser, "name", "Spring specials");
        post(browser, "/setup/lists");
        assertTrue(mainText(browser).contains("Spring specials"), mainText(browser));
        post(browser, "/setup/lists/spring/archive");
        assertTrue(mainText(browser).contains("archived"), mainText(browser));
        check(browser, "comms-lists-archived");

        MerchantClient demo = MerchantClient.demo(tally);
        String card = MerchantClient.ok(demo.call("allocate", "{\"cardSetId\": \"LOYAL01\"}")).get("cardNumber").asText();
        MerchantClient.ok(demo.call("updateAccount", "{\"cardNumber\": \"" + card + "\", \"primaryCustomer\": "
                + "{\"firstName\": \"<b>Zoe</b>\", \"email\": \"zoe.comms@example.com\"}}"));
        MerchantClient.ok(demo.call("updateBalance", "{\"cardNumber\": \"" + card + "\", \"action\": \"issue\","
                + " \"amount\": {\"balanceType\": \"Points\", \"amount\": 25}}"));

        visit(tally, browser, "/setup/test-lists", "comms-test-lists");
        fill(browser, "name", "QA team");
        fill(browser, "cards", card + "\n1234");
        post(browser, "/setup/test-lists");
        assertTrue(mainText(browser).contains("Not cards of this brand: 1234."), mainText(browser));
        fill(browser, "cards", card);
        post(browser, "/setup/test-lists");
        assertTrue(mainText(browser).contains("QA team") && mainText(browser).contains(card), mainText(browser));
        check(browser, "comms-test-list");

        visit(tally, browser, "/setup/templates", "comms-templates");
        fill(browser, "name", "Points reminder");
        fill(browser, "subject", "{{customer.firstName | friend}}, {{customer.shoeSize}}");
        fill(browser, "html", "<p>Hi {{customer.firstName}}, you have {{balance Points}} points.</p>"
                + "<script>alert(1)</script><a href=\"{{link.unsubscribe}}\">Unsubscribe</a>");
        fill(browser, "text", "Hi {{customer.firstName | friend}}, {{balance Points}} points.");
        post(browser, "/setup/templates");
        assertTrue(mainText(browser).contains("Unknown merge field {{customer.shoeSize}}"), mainText(browser));
        check(browser, "comms-template-refused");

        fill(browser, "subject", "{{customer.firstName | friend}}, your points");
        post(browser, "/setup/templates");
        assertTrue(mainText(browser).contains("Saved."), mainText(browser));
        String saved = browser.driver().findElement(By.name("html")).getAttribute("value");
        assertFalse(saved.contains("<script"), saved);
        assertTrue(saved.contains("href=\"{{link.unsubscribe}}\""), saved);
        check(browser, "comms-template-saved");

        fill(browser, "card", card);
        OfficeTestSupport.clickAndWait(browser, browser.driver().findElement(
                By.cssSelector("form[action$='/preview'] button[type=submit]")));
        String preview = mainText(browser);
        assertTrue(preview.contains("Preview for card " + card), preview);
        assertTrue(preview.contains("<b>Zoe</b>, your points"), preview);
        assertTrue(preview.contains("<p>Hi &lt;b&gt;Zoe&lt;/b&gt;, you have 25 points.</p>"), preview);
        assertTrue(preview.contains("Hi <b>Zoe</b>, 25 points."), preview);
        assertTrue(browser.driver().findElements(By.cssSelector("main b")).isEmpty(), "the preview shows values as text");
        check(browser, "comms-template-preview");
    }
}
