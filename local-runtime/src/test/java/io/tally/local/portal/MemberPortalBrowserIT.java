package io.tally.local.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.local.LocalTally;
import io.tally.local.mail.LocalMail;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;
import java.time.Duration;

/**
 * A customer's walk through the member pages in headless Chromium at phone size against the local platform:
 * enroll, check the balance with the right and a wrong PIN, refer a friend, open the invitation from the captured
 * mail, enroll the friend, see both rewards, change e-mail and text message preferences from the mail's link (the
 * friend's phone has its own "Text messages" boxes). Every page passes
 * axe-core (no serious or critical violations) and is photographed under target/portal-screenshots/.
 */
class MemberPortalBrowserIT {
    private static LocalTally tally;
    private static Browser browser;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        tally = PortalTestSupport.start("portal-browser-it");
        browser = Browser.start(PortalTestSupport.repoRoot());
        base = tally.endpoints().baseUrl() + "/portal/DEMO";
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (tally != null) {
            tally.close();
        }
    }

    private static WebElement find(String css) {
        try {
            return browser.driver().findElement(By.cssSelector(css));
        } catch (org.openqa.selenium.NoSuchElementException e) {
            throw new AssertionError("no " + css + " on " + browser.driver().getCurrentUrl() + ":\n"
                    + browser.driver().getPageSource(), e);
        }
    }

    private static void type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
    }

    private static void submit() {
        clickAndWait(find("main form button[type=submit]"));
    }

    /** Clicks and waits for the next page to replace this one. */
    private static void clickAndWait(WebElement element) {
        browser.driver().executeScript("window.__previousPage = true;");
        element.click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).ignoring(WebDriverException.class).until(d ->
                Boolean.TRUE.equals(browser.driver().executeScript(
                        "return window.__previousPage === undefined && document.readyState === 'complete';")));
    }

    private static String mainText() {
        return find("main").getText();
    }

    private static String[] enroll(String firstName, String email, String phone) {
        type("#firstName", firstName);
        type("#email", email);
        type("#phone", phone);
        submit();
        return new String[] {find("#new-card-number").getText().replace(" ", ""), find("#new-card-pin").getText()};
    }

    private static void checkBalance(String card, String pin) {
        browser.open(base + "/balance");
        type("#cardNumber", card);
        type("#pin", pin);
        submit();
    }

    @Test
    void a_customer_and_a_friend_walk_through_every_page() throws Exception {
        browser.open(base + "/enroll");
        assertEquals("Join · Demo Coffee Co.", browser.driver().getTitle());
        browser.assertAccessible("enroll");
        browser.screenshot("1-enroll");
        String[] ada = enroll("Ada", "ada@example.test", "+1 555 0100");
        browser.assertAccessible("enrolled");
        browser.screenshot("2-enrolled");

        checkBalance(ada[0], ada[1]);
        assertTrue(mainText().contains("Card ending " + ada[0].substring(ada[0].length() - 4)), mainText());
        browser.assertAccessible("balance");
        browser.screenshot("3-balance");
        checkBalance(ada[0], ada[1].equals("0000") ? "1111" : "0000");
        assertTrue(mainText().contains("We could not find a card with that number and PIN"), mainText());
        browser.assertAccessible("balance denied");
        browser.screenshot("4-balance-wrong-pin");

        browser.open(base + "/refer");
        browser.assertAccessible("refer");
        type("#cardNumber", ada[0]);
        type("#pin", ada[1]);
        type("#friend1", "bob@example.test");
        submit();
        assertTrue(mainText().contains("Invitations sent: 1"), mainText());
        browser.screenshot("5-refer");

        PortalTestSupport.awaitMail(tally, m -> m.to().contains("bob@example.test") && m.subject().contains("invites you"));
        browser.open(tally.endpoints().baseUrl() + "/local/mail");
        browser.screenshot("6-local-mail");
        clickAndWait(browser.driver().findElement(By.xpath("//a[contains(@href, '/enroll?ref=')]")));
        assertTrue(mainText().contains("A friend invited you"), mainText());
        String[] bob = enroll("Bob", "bob@example.test", "+1 555 0200");
        assertTrue(find("#referral-reward").getText().contains("you earned 50 Points"), mainText());
        browser.screenshot("7-friend-enrolled");

        checkBalance(bob[0], bob[1]);
        assertEquals(List.of("Points", "50", "0", "50"), row("Points"));
        checkBalance(ada[0], ada[1]);
        assertEquals(List.of("Points", "100", "0", "100"), row("Points"));

        LocalMail.Captured welcome = PortalTestSupport.awaitMail(tally,
                m -> m.to().contains("bob@example.test") && m.subject().startsWith("Welcome"));
        assertTrue(welcome.text().contains("/preferences?t="), welcome.text());
        browser.open(tally.endpoints().baseUrl() + "/local/mail");
        List<WebElement> links = browser.driver().findElements(By.xpath("//a[contains(@href, '/preferences?t=')]"));
        clickAndWait(links.get(0)); // newest first: Bob's welcome
        assertTrue(mainText().contains("b•••@example.test"), mainText());
        assertTrue(find("#list-account").getAttribute("disabled") != null, "the transactional list is always on");
        assertTrue(find("#list-invitations").isSelected());
        assertTrue(mainText().contains("Text messages to •••0200"), mainText());
        WebElement textOffers = find("input[name^='text-'][value='offers']");
        assertTrue(!textOffers.isSelected() && find("input[name^='text-'][value='invitations']").isSelected(),
                "a phone's boxes start at the lists' defaults");
        find("#list-invitations").click();
        find("#list-offers").click();
        textOffers.click();
        submit();
        assertTrue(mainText().contains("Saved"), mainText());
        browser.assertAccessible("preferences");
        browser.screenshot("8-preferences");
        browser.driver().navigate().refresh();
        assertTrue(find("#list-offers").isSelected() && !find("#list-invitations").isSelected(), "choices kept");
        assertTrue(find("input[name^='text-'][value='offers']").isSelected()
                && find("input[name^='text-'][value='invitations']").isSelected(), "the phone's choices kept apart");

        for (String shot : List.of("1-enroll", "3-balance", "5-refer", "8-preferences")) {
            assertTrue(Files.size(Browser.SCREENSHOTS.resolve(shot + ".png")) > 1000, shot);
        }
    }

    private static List<String> row(String name) {
        WebElement tr = browser.driver().findElement(By.xpath("//tr[th[@scope='row' and text()='" + name + "']]"));
        return tr.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList();
    }
}
