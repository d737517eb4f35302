package io.tally.local.portal;

import static io.tally.local.MerchantClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.local.LocalTally;
import io.tally.local.MerchantClient;
import io.tally.local.mail.LocalMail;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A member's own account in headless Chromium at phone size against the local platform: enroll, earn points at a
 * till, ask for a sign-in link, follow it from the captured mail, see the card, its balance and history, edit the
 * profile, fail to open another member's card, sign out, and find the used link refused. Every page passes axe-core
 * (no serious or critical violations) and is photographed under target/portal-screenshots/.
 */
class MemberAccountBrowserIT {
    private static final Pattern LINK = Pattern.compile("https?://\\S+/portal/DEMO/link\\?t=\\S+");
    private static LocalTally tally;
    private static Browser browser;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        tally = PortalTestSupport.start("account-browser-it");
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
        } catch (NoSuchElementException e) {
            throw new AssertionError("no " + css + " on " + browser.driver().getCurrentUrl() + ":\n"
                    + browser.driver().getPageSource(), e);
        }
    }

    private static void type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
    }

    /** Clicks and waits for the next page to replace this one. */
    private static void clickAndWait(WebElement element) {
        browser.driver().executeScript("window.__previousPage = true;");
        element.click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).ignoring(WebDriverException.class).until(d ->
                Boolean.TRUE.equals(browser.driver().executeScript(
                        "return window.__previousPage === undefined && document.readyState === 'complete';")));
    }

    private static void submit() {
        clickAndWait(find("main form button[type=submit]"));
    }

    private static String mainText() {
        return find("main").getText();
    }

    private static String enroll(String firstName, String email) {
        browser.open(base + "/enroll");
        type("#firstName", firstName);
        type("#email", email);
        submit();
        return find("#new-card-number").getText().replace(" ", "");
    }

    private static String requestLink(String email) throws InterruptedException {
        browser.open(base + "/signin");
        type("#email", email);
        submit();
        assertTrue(find("#link-sent").getText().contains("If that address belongs to a member"), mainText());
        LocalMail.Captured mail = PortalTestSupport.awaitMail(tally, m -> m.to().contains(email.toLowerCase(Locale.ROOT))
                && m.subject().startsWith("Sign in"));
        Matcher link = LINK.matcher(mail.text());
        assertTrue(link.find(), mail.text());
        return link.group();
    }

    @Test
    void a_member_signs_in_by_mail_sees_the_card_edits_the_profile_and_signs_out() throws Exception {
        String ada = enroll("Ada", "ada.account@example.test");
        String bob = enroll("Bob", "bob.account@example.test");
        ok(MerchantClient.demo(tally).call("updateBalance", "{\"cardNumber\": \"" + ada + "\", \"action\": \"issue\", "
                + "\"amount\": {\"balanceType\": \"Points\", \"amount\": 25}}"));

        browser.open(base + "/account");
        assertTrue(browser.driver().getCurrentUrl().endsWith("/portal/DEMO/signin"), "the account needs a sign-in");
        browser.assertAccessible("sign-in");
        browser.screenshot("a1-signin");
        String link = requestLink("Ada.Account@example.test");
        browser.assertAccessible("link sent");
        browser.screenshot("a2-link-sent");

        browser.open(link);
        assertTrue(mainText().contains("Sign in as a•••@example.test"), mainText());
        browser.assertAccessible("confirm link");
        submit();
        assertTrue(browser.driver().getCurrentUrl().endsWith("/portal/DEMO/account"), browser.driver().getCurrentUrl());
        String account = mainText();
        assertTrue(account.contains("Card ending " + ada.substring(ada.length() - 4)), account);
        assertFalse(account.contains(bob.substring(bob.length() - 4) + ":"), "only the member's own cards");
        assertEquals(List.of("Points", "25", "0", "25"), row("Points"));
        browser.assertAccessible("account");
        browser.screenshot("a3-account");

        clickAndWait(browser.driver().findElement(By.xpath("//a[contains(@href, '/card?n=')]")));
        assertTrue(find("#history").getText().contains("Added"), find("#history").getText());
        assertTrue(find("#history").getText().contains("+25 Points"), find("#history").getText());
        browser.assertAccessible("card");
        browser.screenshot("a4-card");

        browser.open(base + "/card?n=" + bob);
        assertTrue(mainText().contains("None of your cards has that number"), mainText());
        assertFalse(browser.driver().getPageSource().contains(bob), "nothing of another member's card shows");

        browser.open(base + "/profile");
        browser.assertAccessible("profile");
        type("#lastName", "Lovelace");
        type("#firstName", "");
        submit();
        assertTrue(mainText().contains("Enter your first name."), mainText());
        browser.assertAccessible("profile with an error");
        type("#firstName", "Augusta");
        submit();
        assertTrue(find("#profile-saved").isDisplayed());
        browser.screenshot("a5-profile");
        browser.driver().navigate().refresh();
        assertEquals("Augusta", find("#firstName").getAttribute("value"));
        assertEquals("Lovelace", find("#lastName").getAttribute("value"));

        browser.open(base + "/account");
        clickAndWait(browser.driver().findElement(By.xpath("//a[contains(@href, '/preferences?t=')]")));
        assertTrue(mainText().contains("a•••@example.test"), mainText());
        browser.open(base + "/account");
        clickAndWait(browser.driver().findElement(By.xpath("//button[text()='Sign out']")));
        assertTrue(mainText().contains("You are signed out."), mainText());
        browser.open(base + "/account");
        assertTrue(browser.driver().getCurrentUrl().endsWith("/portal/DEMO/signin"), "signed out");

        browser.open(link);
        submit();
        assertTrue(mainText().contains("This sign-in link was used already"), mainText());
        browser.assertAccessible("used link");
        browser.screenshot("a6-used-link");
    }

    private static List<String> row(String name) {
        WebElement tr = browser.driver().findElement(By.xpath("//tr[th[@scope='row' and text()='" + name + "']]"));
        return tr.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList();
    }
}
