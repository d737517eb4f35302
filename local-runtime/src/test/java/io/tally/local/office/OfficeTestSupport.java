package io.tally.local.office;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.event.DomainEvent;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffMember;
import io.tally.domain.staff.StaffUseCase.CreateCommand;
import io.tally.domain.staff.StaffUseCase.Created;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.local.LocalTally;
import io.tally.local.portal.Browser;
import io.tally.local.portal.PortalTestSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The back office's browser-test harness: the local platform (dynalite, ElasticMQ, cognito-local) with the demo seed,
 * staff members of any role created the operator's way, a desktop-size (1366×900) headless Chromium, sign-in through
 * the pages, and {@link #visit} which runs axe-core (no violation at all may remain) and saves a screenshot of the page
 * under local-runtime/target/screenshots/.
 */
public final class OfficeTestSupport {
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    public static final BrandId DEMO = new BrandId("DEMO");
    /** How long a form's answer may take to arrive (a bound, not a timing assertion). */
    private static final Duration PAGE_WAIT = Duration.ofSeconds(15);

    private OfficeTestSupport() {
    }

    /** The platform with the demo seed applied. */
    public static LocalTally start(String name) throws Exception {
        return PortalTestSupport.start(name);
    }

    public static Browser browser() throws Exception {
        return Browser.start(PortalTestSupport.repoRoot(), 1366, 900, SCREENSHOTS);
    }

    /** A staff member as the operator creates one; answers the temporary password (changed at the first sign-in). */
    public static Created createStaff(LocalTally tally, BrandId brand, String email, Role role, String... groups) {
        Set<LocationGroupId> ids = Set.of(groups).stream().map(LocationGroupId::new).collect(Collectors.toSet());
        var result = tally.office().staff().createAsOperator(brand, "test", new CreateCommand(email, email, role, ids));
        assertTrue(result instanceof Created, () -> "creating " + email + ": " + result);
        return (Created) result;
    }

    /** A staff member who has already chosen {@code password} (first sign-in done through the pages). */
    public static StaffMember readyStaff(LocalTally tally, Browser browser, BrandId brand, String email, String password,
                                         Role role, String... groups) {
        Created created = createStaff(tally, brand, email, role, groups);
        signIn(tally, browser, email, created.temporaryPassword());
        fill(browser, "password", password);
        fill(browser, "confirm", password);
        submit(browser);
        signOut(browser);
        return created.member();
    }

    /** Sign-out is a form post: waits for its answer before the next sign-in opens a page. */
    public static void awaitSignedOut(Browser browser) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d ->
                d.findElements(By.cssSelector("form[action$='/signout']")).isEmpty());
    }

    /** Waits until the events consumer has recorded {@code count} ledger events of the demo brand (outbox, SQS, consumer). */
    public static void awaitActivity(LocalTally tally, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<DomainEvent> ledger = List.of();
        while (System.nanoTime() < deadline) {
            ledger = tally.component().activityLog().recent(DEMO, 100).stream()
                    .filter(e -> e.type().startsWith("ledger.")).toList();
            if (ledger.size() >= count) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the consumer recorded " + ledger.size() + " ledger events, not " + count);
    }

    /** Opens the sign-in page and submits e-mail and password (what follows depends on the member). */
    public static void signIn(LocalTally tally, Browser browser, String email, String password) {
        browser.open(url(tally, "/signin"));
        fill(browser, "email", email);
        fill(browser, "password", password);
        submit(browser);
    }

    public static void signOut(Browser browser) {
        clickAndWait(browser, new WebDriverWait(browser.driver(), PAGE_WAIT)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("form[action$='/signout'] button"))));
    }

    /** Opens {@code /admin<path>}, checks it with axe-core (no violations at all) and saves its screenshot. */
    public static void visit(LocalTally tally, Browser browser, String path, String screenshot) {
        browser.open(url(tally, path));
        check(browser, screenshot);
    }

    /** Checks the page the browser shows now with axe-core and saves its screenshot as {@code screenshot}.png. */
    public static void check(Browser browser, String screenshot) {
        browser.assertAccessible(screenshot, true);
        browser.screenshot(screenshot);
    }

    /** The page's main heading. */
    public static String heading(Browser browser) {
        return browser.driver().findElement(By.tagName("h1")).getText();
    }

    /** Closes what a test class started (either may be null when the start failed part-way). */
    public static void close(LocalTally tally, Browser browser) {
        if (browser != null) {
            browser.close();
        }
        if (tally != null) {
            tally.close();
        }
    }

    public static String url(LocalTally tally, String adminPath) {
        return tally.endpoints().baseUrl() + "/admin" + adminPath;
    }

    /** The text of the page's main landmark. */
    public static String mainText(Browser browser) {
        return browser.driver().findElement(By.tagName("main")).getText();
    }

    /** Submits the form posting to {@code /admin<action>} and waits for the next page. */
    public static void post(Browser browser, String action) {
        clickAndWait(browser, browser.driver().findElement(By.cssSelector("form[action='/admin" + action + "'] button[type=submit]")));
    }

    /** Chooses {@code value} in the select named {@code name}. */
    public static void choose(Browser browser, String name, String value) {
        new Select(browser.driver().findElement(By.name(name))).selectByValue(value);
    }

    public static void fill(Browser browser, String field, String value) {
        var input = browser.driver().findElement(By.name(field));
        input.clear();
        input.sendKeys(value);
    }

    /** Submits the main form of the page (the first submit button inside main). */
    public static void submit(Browser browser) {
        clickAndWait(browser, browser.driver().findElement(By.cssSelector("main form button[type=submit]")));
    }

    /**
     * Clicks something that posts a form and waits (bounded) until the browser has left the page: every form here
     * answers with a new page, and a test reading the page at once may otherwise still see the old one.
     */
    public static void clickAndWait(Browser browser, WebElement button) {
        WebElement before = browser.driver().findElement(By.tagName("html"));
        button.click();
        try {
            // the old page's root is gone once the answer arrived: Chrome says so with a stale reference or, mid-way,
            // with "node does not belong to the document"; both mean the browser has left the page
            new WebDriverWait(browser.driver(), PAGE_WAIT).until(d -> {
                try {
                    before.isEnabled();
                    return false;
                } catch (WebDriverException gone) {
                    return true;
                }
            });
        } catch (TimeoutException stayed) {
            // the browser itself refused the form (a required field left empty): the page stays, as the test expects
        }
    }
}
