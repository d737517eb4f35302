package io.tally.local.office;

import static io.tally.local.office.OfficeTestSupport.DEMO;
import static io.tally.local.office.OfficeTestSupport.check;
import static io.tally.local.office.OfficeTestSupport.choose;
import static io.tally.local.office.OfficeTestSupport.fill;
import static io.tally.local.office.OfficeTestSupport.mainText;
import static io.tally.local.office.OfficeTestSupport.post;
import static io.tally.local.office.OfficeTestSupport.signIn;
import static io.tally.local.office.OfficeTestSupport.visit;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.staff.Role;
import io.tally.local.LocalTally;
import io.tally.local.portal.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Rules in headless Chromium: an admin makes a template, then a rule (a delay past 90 days and a threshold with too many
 * decimals refused first), pauses and resumes it. Every page passes axe-core and is kept as a screenshot.
 */
class RulesBrowserIT {
    private static final String PASSWORD = "Rules-Admin-42!";
    private static LocalTally tally;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        tally = OfficeTestSupport.start("office-rules");
        browser = OfficeTestSupport.browser();
    }

    @AfterAll
    static void stop() {
        OfficeTestSupport.close(tally, browser);
    }

    @Test
    void an_admin_creates_a_rule_after_its_errors_and_pauses_and_resumes_it() {
        OfficeTestSupport.readyStaff(tally, browser, DEMO, "rules.admin@example.com", PASSWORD, Role.ADMIN);
        signIn(tally, browser, "rules.admin@example.com", PASSWORD);
        visit(tally, browser, "/setup/templates", "rules-template");
        fill(browser, "name", "Welcome series");
        fill(browser, "subject", "Welcome, {{customer.firstName | friend}}");
        fill(browser, "html", "<p>Welcome</p>");
        fill(browser, "text", "Welcome");
        post(browser, "/setup/templates");

        visit(tally, browser, "/communications/rules", "rules-list");
        fill(browser, "name", "Points milestone");
        choose(browser, "kind", "balance");
        choose(browser, "valueType", "Points");
        fill(browser, "threshold", "100.5");
        fill(browser, "delay", "91");
        choose(browser, "unit", "days");
        post(browser, "/communications/rules");
        String refused = mainText(browser);
        assertTrue(refused.contains("The delay is a whole number"), refused);
        check(browser, "rules-refused");

        fill(browser, "threshold", "100");
        fill(browser, "delay", "2");
        post(browser, "/communications/rules");
        assertTrue(mainText(browser).contains("Saved."), mainText(browser));
        visit(tally, browser, "/communications/rules", "rules-created");
        String list = mainText(browser);
        assertTrue(list.contains("Points milestone") && list.contains("2 days") && list.contains("active"), list);
        OfficeTestSupport.clickAndWait(browser, browser.driver().findElement(
                By.cssSelector("form[action*='/pause'] button[type=submit]")));
        assertTrue(mainText(browser).contains("paused"), mainText(browser));
        OfficeTestSupport.clickAndWait(browser, browser.driver().findElement(
                By.cssSelector("form[action*='/resume'] button[type=submit]")));
        assertTrue(mainText(browser).contains("active"), mainText(browser));
        check(browser, "rules-resumed");
    }
}
