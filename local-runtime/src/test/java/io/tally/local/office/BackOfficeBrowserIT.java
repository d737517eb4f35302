package io.tally.local.office;

import static io.tally.local.office.OfficeTestSupport.DEMO;
import static io.tally.local.office.OfficeTestSupport.check;
import static io.tally.local.office.OfficeTestSupport.fill;
import static io.tally.local.office.OfficeTestSupport.signIn;
import static io.tally.local.office.OfficeTestSupport.signOut;
import static io.tally.local.office.OfficeTestSupport.submit;
import static io.tally.local.office.OfficeTestSupport.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.staff.Role;
import io.tally.local.LocalTally;
import io.tally.local.portal.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The back office end to end in headless Chromium: sign-in, first password, sign-out, wrong password. */
class BackOfficeBrowserIT {
    private static LocalTally tally;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        tally = OfficeTestSupport.start("office-browser");
        browser = OfficeTestSupport.browser();
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

    private static String heading() {
        return browser.driver().findElement(By.tagName("h1")).getText();
    }

    @Test
    void an_admin_signs_in_chooses_a_password_and_signs_out() {
        var created = OfficeTestSupport.createStaff(tally, DEMO, "first.admin@example.com", Role.ADMIN);
        visit(tally, browser, "/signin", "office-signin");
        signIn(tally, browser, "first.admin@example.com", created.temporaryPassword());
        assertEquals("Choose your password", heading());
        check(browser, "office-new-password");
        fill(browser, "password", "Correct-Horse-42");
        fill(browser, "confirm", "Correct-Horse-42");
        submit(browser);
        assertEquals("Welcome", heading());
        check(browser, "office-home-admin");
        signOut(browser);
        assertEquals("Sign in", heading());

        signIn(tally, browser, "first.admin@example.com", "wrong-password-1A!");
        assertEquals("Sign in", heading());
        assertTrue(browser.driver().getPageSource().contains("The e-mail or password is not right"));
        check(browser, "office-signin-wrong-password");
    }
}
