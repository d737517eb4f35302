package io.tally.local.office;

import static io.tally.local.office.OfficeTestSupport.DEMO;
import static io.tally.local.office.OfficeTestSupport.check;
import static io.tally.local.office.OfficeTestSupport.fill;
import static io.tally.local.office.OfficeTestSupport.signIn;
import static io.tally.local.office.OfficeTestSupport.signOut;
import static io.tally.local.office.OfficeTestSupport.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.staff.Role;
import io.tally.lambda.topology.PeriodicJobs;
import io.tally.local.LocalTally;
import io.tally.local.MerchantClient;
import io.tally.local.portal.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Brand setup in headless Chromium: an admin creates a location in a new group (its coordinates refused out of range,
 * then saved), sets the brand's default coordinates, creates a terminal and an employee, edits a
 * value type's limit, creates an API key (its secret shown once) and revokes it, adds a required choice field to the
 * customer model and sees the member portal's enrollment refuse a missing value; an analyst sees setup read-only.
 * Every page passes axe-core and is kept as a 1366×900 screenshot.
 */
class BrandSetupBrowserIT {
    private static final String PASSWORD = "Setup-Admin-42";
    private static LocalTally tally;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        tally = OfficeTestSupport.start("office-setup");
        browser = OfficeTestSupport.browser();
    }

    @AfterAll
    static void stop() {
        OfficeTestSupport.close(tally, browser);
    }

    private static String main() {
        return OfficeTestSupport.mainText(browser);
    }

    /** Submits the form posting to {@code /admin<action>} and waits for the next page. */
    private static void post(String action) {
        OfficeTestSupport.post(browser, action);
    }

    private static void choose(String name, String value) {
        OfficeTestSupport.choose(browser, name, value);
    }

    @Test
    void an_admin_sets_the_brand_up_and_an_analyst_only_looks() {
        OfficeTestSupport.readyStaff(tally, browser, DEMO, "setup.admin@example.com", PASSWORD, Role.ADMIN);
        signIn(tally, browser, "setup.admin@example.com", PASSWORD);
        visit(tally, browser, "/setup", "setup-home");

        visit(tally, browser, "/setup/groups", "setup-groups");
        fill(browser, "id", "NORTH");
        fill(browser, "name", "North");
        post("/setup/groups");
        assertTrue(main().contains("North"), main());

        visit(tally, browser, "/setup/locations", "setup-locations");
        fill(browser, "id", "N001");
        fill(browser, "name", "North Street");
        choose("group", "NORTH");
        fill(browser, "latitude", "95");
        fill(browser, "longitude", "-74.006");
        post("/setup/locations");
        assertTrue(main().contains("Coordinates: latitude is a number from -90 to 90 (decimal degrees)."), main());
        assertEquals("true", browser.driver().findElement(By.id("latitude")).getAttribute("aria-invalid"));
        check(browser, "setup-location-coordinates-refused");
        fill(browser, "latitude", "40.7128");
        post("/setup/locations");
        assertTrue(main().contains("Saved."), main());
        assertTrue(main().contains("North Street"), main());
        assertTrue(main().contains("40.7128, -74.006"), main());
        check(browser, "setup-location-created");
        visit(tally, browser, "/setup/locations/N001", "setup-location-edit");
        assertEquals("40.7128", browser.driver().findElement(By.id("latitude")).getAttribute("value"));

        visit(tally, browser, "/setup/brand", "setup-brand");
        assertTrue(main().contains("40.7128, -74.006"), "the demo seed's default: " + main());
        fill(browser, "latitude", "51.5074");
        fill(browser, "longitude", "");
        post("/setup/brand");
        assertTrue(main().contains("Default coordinates: give both latitude and longitude, or neither."), main());
        check(browser, "setup-brand-refused");
        fill(browser, "longitude", "-0.1278");
        post("/setup/brand");
        assertTrue(main().contains("Saved."), main());
        assertTrue(main().contains("51.5074, -0.1278"), main());
        check(browser, "setup-brand-saved");

        visit(tally, browser, "/setup/terminals", "setup-terminals");
        fill(browser, "id", "till-1");
        choose("location", "N001");
        fill(browser, "name", "Front till");
        post("/setup/terminals");
        assertTrue(main().contains("Front till"), main());

        visit(tally, browser, "/setup/employees", "setup-employees");
        fill(browser, "id", "e-7");
        choose("location", "N001");
        fill(browser, "name", "Nora");
        fill(browser, "password", "12");
        post("/setup/employees");
        assertTrue(main().contains("A password (PIN) is 4-64 characters."), main());
        check(browser, "setup-employee-refused");
        fill(browser, "password", "4711");
        post("/setup/employees");
        assertTrue(main().contains("Nora"), main());

        visit(tally, browser, "/setup/value-types/GIFT/Currency:USD", "setup-value-type");
        fill(browser, "maxBalance", "750.00");
        post("/setup/value-types/GIFT/Currency:USD");
        assertTrue(main().contains("750.00"), main());
        check(browser, "setup-programs");

        visit(tally, browser, "/setup/api-keys", "setup-api-keys");
        fill(browser, "id", "office-key");
        fill(browser, "label", "Made in the back office");
        post("/setup/api-keys");
        String secret = browser.driver().findElement(By.id("api-secret")).getText();
        assertTrue(secret.length() >= 32, secret);
        check(browser, "setup-api-key-secret");
        visit(tally, browser, "/setup/api-keys", "setup-api-keys-listed");
        assertFalse(browser.driver().getPageSource().contains(secret), "the secret is shown once");
        assertTrue(main().contains("office-key"), main());
        post("/setup/api-keys/office-key/revoke");
        assertTrue(main().contains("revoked"), main());

        visit(tally, browser, "/setup/customer-model", "setup-customer-model");
        fill(browser, "name", "tier");
        fill(browser, "label", "Membership tier");
        choose("type", "choice");
        fill(browser, "choices", "Gold\nSilver");
        browser.driver().findElement(By.id("required")).click();
        post("/setup/customer-model/fields");
        assertTrue(main().contains("Membership tier"), main());
        check(browser, "setup-customer-model-field-added");

        visit(tally, browser, "/setup/portal", "setup-portal");

        browser.open(tally.endpoints().baseUrl() + "/portal/DEMO/enroll");
        fill(browser, "firstName", "Tia");
        fill(browser, "email", "tia@example.test");
        OfficeTestSupport.submit(browser);
        assertTrue(main().contains("Membership tier is required."), main());
        check(browser, "setup-portal-enroll-refused");

        browser.open(OfficeTestSupport.url(tally, "/setup"));
        signOut(browser);
        OfficeTestSupport.readyStaff(tally, browser, DEMO, "setup.analyst@example.com", PASSWORD, Role.ANALYST);
        signIn(tally, browser, "setup.analyst@example.com", PASSWORD);
        visit(tally, browser, "/setup/locations", "setup-locations-analyst");
        assertTrue(main().contains("North Street"), main());
        assertEquals(0, browser.driver().findElements(By.cssSelector("main form")).size(), "read-only: no form");
        visit(tally, browser, "/setup/customer-model", "setup-customer-model-analyst");
        assertEquals(0, browser.driver().findElements(By.cssSelector("main form")).size(), "read-only: no form");
        visit(tally, browser, "/setup/locations/N001", "setup-location-edit-analyst");
        assertEquals("Not found", browser.driver().findElement(By.tagName("h1")).getText());
    }

    /**
     * The customer score settings: a refused form (a gap between the ranges) first, then two named ranges and a spend
     * reference saved; the scoring job runs and its last run shows done on the page; Explore Data's breakdown names its
     * rows with the brand's ranges.
     */
    @Test
    void an_admin_names_the_score_ranges_and_explore_data_uses_them() throws Exception {
        browser.open(OfficeTestSupport.url(tally, "/setup"));
        if (!browser.driver().findElements(By.cssSelector("form[action$='/signout']")).isEmpty()) {
            signOut(browser);
            OfficeTestSupport.awaitSignedOut(browser);
        }
        String card = MerchantClient.demo(tally).call("allocate", "{\"cardSetId\": \"GIFT01\"}").get("cardNumber").asText();
        assertFalse(card.isEmpty());
        OfficeTestSupport.readyStaff(tally, browser, DEMO, "scores.admin@example.com", PASSWORD, Role.ADMIN);
        signIn(tally, browser, "scores.admin@example.com", PASSWORD);
        visit(tally, browser, "/setup/scores", "setup-scores");
        assertTrue(main().contains("Newbies"), main());
        assertTrue(main().contains("The scoring job has not run over this brand yet."), main());

        fill(browser, "ranges", "1-40 Sleepers\n42-100 Fans");
        fill(browser, "spendReference", "250.00");
        post("/setup/scores?version=0");
        assertTrue(main().contains("The ranges follow each other without gaps or overlaps from 1: 42-100 should start "
                + "at 41."), main());
        check(browser, "setup-scores-refused");

        fill(browser, "ranges", "1-40 Sleepers\n41-100 Fans");
        post("/setup/scores?version=0");
        assertTrue(main().contains("Saved."), main());
        assertTrue(main().contains("Sleepers"), main());
        assertEquals("250.00", browser.driver().findElement(By.name("spendReference")).getAttribute("value"));
        check(browser, "setup-scores-saved");

        String job = tally.runJob(PeriodicJobs.CUSTOMER_SCORES.name());
        assertTrue(job.contains(" runs done, 0 in progress"), job);
        visit(tally, browser, "/setup/scores", "setup-scores-run");
        List<String> run = browser.driver().findElements(By.cssSelector("main table")).get(1)
                .findElements(By.cssSelector("tbody td")).stream().map(WebElement::getText).toList();
        assertEquals("done", run.get(2), run.toString());
        assertEquals("250.00 USD", run.get(3), run.toString());

        visit(tally, browser, "/explore?period=7", "setup-scores-explore");
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#score-breakdown-table tbody tr"));
        assertEquals(List.of("Sleepers (1-40)", "Fans (41-100)", "No activity (0)"),
                rows.stream().map(r -> r.findElement(By.tagName("th")).getText()).toList());
        signOut(browser);
        OfficeTestSupport.awaitSignedOut(browser);
    }
}
