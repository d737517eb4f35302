package io.tally.local.office;

import static io.tally.local.MerchantClient.code;
import static io.tally.local.MerchantClient.ok;
import static io.tally.local.office.OfficeTestSupport.DEMO;
import static io.tally.local.office.OfficeTestSupport.check;
import static io.tally.local.office.OfficeTestSupport.fill;
import static io.tally.local.office.OfficeTestSupport.signIn;
import static io.tally.local.office.OfficeTestSupport.submit;
import static io.tally.local.office.OfficeTestSupport.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.staff.Role;
import io.tally.local.LocalTally;
import io.tally.local.MerchantClient;
import io.tally.local.portal.Browser;
import io.tally.local.portal.PortalTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Card actions end to end: an admin adjusts a card's balance with a reason and sees the new entry, then the audit
 * record (who, when, before and after) on the audit page; deactivates the card, after which a merchant's
 * updateBalance on it is refused (error 11, CARD_NOT_ACTIVE). Every page checked by axe-core and screenshotted.
 */
class CardActionsBrowserIT {
    private static final String ADMIN = "actions.admin@example.com";
    private static final String PASSWORD = "Correct-Horse-43";
    private static LocalTally tally;
    private static Browser browser;
    private static MerchantClient till;

    @BeforeAll
    static void start() throws Exception {
        tally = OfficeTestSupport.start("office-actions");
        browser = OfficeTestSupport.browser();
        till = MerchantClient.demo(tally);
        OfficeTestSupport.readyStaff(tally, browser, DEMO, ADMIN, PASSWORD, Role.ADMIN);
    }

    @AfterAll
    static void stop() {
        OfficeTestSupport.close(tally, browser);
    }

    private static String heading() {
        return OfficeTestSupport.heading(browser);
    }

    private static String text() {
        return browser.driver().findElement(By.tagName("main")).getText();
    }

    private static String usd(String action, String card, String amount) {
        return "{\"cardNumber\": \"" + card + "\", \"action\": \"" + action + "\", "
                + "\"amount\": {\"balanceType\": \"Currency\", \"balanceCode\": \"USD\", \"amount\": " + amount + "}}";
    }

    @Test
    void an_admin_adjusts_a_balance_sees_the_entry_and_its_audit_record_then_deactivates_the_card() {
        String card = ok(till.call("allocate", "{\"cardSetId\": \"GIFT01\"}")).get("cardNumber").asText();
        ok(till.call("updateBalance", usd("issue", card, "10.00")));
        signIn(tally, browser, ADMIN, PASSWORD);

        visit(tally, browser, "/cards/" + card + "/adjust", "office-card-adjust");
        fill(browser, "amount", "2.50");
        fill(browser, "reason", "Goodwill: the till was down");
        submit(browser);
        assertEquals("Balance adjusted", heading());
        assertTrue(text().contains("ADJUST") && text().contains("+2.50") && text().contains("12.50"), text());
        check(browser, "office-card-adjusted");

        visit(tally, browser, "/cards/" + card + "/adjust", "office-card-adjust-refused-before");
        fill(browser, "amount", "-100.00");
        fill(browser, "reason", "Too much");
        submit(browser);
        assertTrue(text().contains("does not have that much available"), text());
        check(browser, "office-card-adjust-refused");

        visit(tally, browser, "/audit", "office-audit");
        String audit = text();
        assertTrue(audit.contains("card.adjust") && audit.contains(ADMIN) && audit.contains("card:" + card), audit);
        assertTrue(audit.contains("Goodwill: the till was down"), audit);
        assertTrue(audit.contains("balance.Currency:USD: 10.00") && audit.contains("balance.Currency:USD: 12.50"), audit);
        assertTrue(audit.contains("outcome: done") && audit.contains("outcome: refused"), audit);

        visit(tally, browser, "/cards/" + card + "/status", "office-card-status");
        fill(browser, "reason", "Reported stolen");
        submit(browser);
        assertEquals("Card deactivated", heading());
        check(browser, "office-card-deactivated");
        assertEquals(11, code(till.call("updateBalance", usd("redeem", card, "1.00"))), "an inactive card moves no money");

        visit(tally, browser, "/audit?action=card.deactivate", "office-audit-filtered");
        String rows = browser.driver().findElement(By.cssSelector("table tbody")).getText();
        assertTrue(rows.contains("card.deactivate") && !rows.contains("card.adjust"), rows);
        assertTrue(rows.contains("status: ACTIVE") && rows.contains("status: INACTIVE"), rows);

        visit(tally, browser, "/cards/6036000000000000001/adjust", "office-card-adjust-unknown");
        assertEquals("Not found", heading(), "a card that does not exist, like one out of scope");
        OfficeTestSupport.signOut(browser);
    }

    /**
     * The acceptance path in one go: customer service finds a card by its customer's name (a lower-case,
     * accent-free prefix of an accented last name), follows the card page's own links to adjust the balance with a
     * reason, sees the entry in the card's history with the balance after it and the audit record, and resends the
     * welcome e-mail, which arrives.
     */
    @Test
    void customer_service_finds_a_card_by_name_adjusts_it_with_a_reason_and_sees_the_entry_and_the_audit_record()
            throws Exception {
        String card = ok(till.call("allocate", "{\"cardSetId\": \"GIFT01\"}")).get("cardNumber").asText();
        ok(till.call("updateBalance", usd("issue", card, "20.00")));
        ok(till.call("updateAccount", "{\"cardNumber\": \"" + card + "\", \"primaryCustomer\": {\"firstName\": "
                + "\"Inès\", \"lastName\": \"Castañeda-Ørsted\", \"email\": \"ines.castaneda@example.com\"}}"));
        signIn(tally, browser, ADMIN, PASSWORD);

        visit(tally, browser, "/search", "office-acceptance-search");
        new Select(browser.driver().findElement(By.name("by"))).selectByValue("LAST_NAME");
        fill(browser, "q", "castane");
        submit(browser);
        check(browser, "office-acceptance-found");
        browser.driver().findElement(By.linkText(card)).click();
        assertEquals("Card " + card, heading());

        browser.driver().findElement(By.linkText("Adjust a balance")).click();
        check(browser, "office-acceptance-adjust");
        fill(browser, "amount", "-3.25");
        fill(browser, "reason", "Double charge at the till, refunded");
        submit(browser);
        assertEquals("Balance adjusted", heading());

        visit(tally, browser, "/cards/" + card, "office-acceptance-card-after");
        String history = browser.driver().findElement(By.tagName("main")).getText();
        assertTrue(history.contains("adjust") && history.contains("-3.25") && history.contains("16.75"), history);

        visit(tally, browser, "/audit?action=card.adjust", "office-acceptance-audit");
        String audit = browser.driver().findElement(By.cssSelector("table tbody")).getText();
        assertTrue(audit.contains("card:" + card) && audit.contains("Double charge at the till, refunded")
                && audit.contains(ADMIN), audit);
        assertTrue(audit.contains("balance.Currency:USD: 20.00") && audit.contains("balance.Currency:USD: 16.75"), audit);

        visit(tally, browser, "/cards/" + card, "office-acceptance-card");
        browser.driver().findElement(By.linkText("Resend the welcome e-mail")).click();
        fill(browser, "reason", "Customer lost the first one");
        submit(browser);
        assertEquals("Welcome e-mail queued", heading());
        check(browser, "office-acceptance-welcome");
        PortalTestSupport.awaitMail(tally, m -> m.to().contains("ines.castaneda@example.com"));
        OfficeTestSupport.signOut(browser);
    }

    /**
     * The customer edit sets the address's coordinates and the card's owning location (its select lists the brand's
     * locations; allocate had made the till's location the owner); out-of-range coordinates are refused with a sentence.
     */
    @Test
    void customer_service_sets_the_address_coordinates_and_the_owning_location() {
        String card = ok(till.call("allocate", "{\"cardSetId\": \"GIFT01\"}")).get("cardNumber").asText();
        signIn(tally, browser, ADMIN, PASSWORD);
        visit(tally, browser, "/cards/" + card, "office-card-owner");
        assertTrue(text().contains("Owning location\nDEMO001") || text().contains("Owning location DEMO001"), text());

        browser.driver().findElement(By.linkText("Edit the customer")).click();
        check(browser, "office-customer-coordinates");
        fill(browser, "latitude", "40.75");
        fill(browser, "longitude", "-200");
        fill(browser, "reason", "Customer gave their address");
        submit(browser);
        assertTrue(text().contains("The address's coordinates: longitude is a number from -180 to 180 (decimal degrees)."),
                text());
        check(browser, "office-customer-coordinates-refused");
        fill(browser, "longitude", "-73.99");
        new Select(browser.driver().findElement(By.name("owningLocation"))).selectByValue("DEMO002");
        submit(browser);
        assertEquals("Customer saved", heading());
        assertTrue(text().contains("40.75, -73.99") && text().contains("DEMO002"), text());
        check(browser, "office-customer-coordinates-saved");
        OfficeTestSupport.signOut(browser);
    }
}
