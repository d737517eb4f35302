package io.tally.local.office;

import static io.tally.local.office.OfficeTestSupport.DEMO;
import static io.tally.local.office.OfficeTestSupport.check;
import static io.tally.local.office.OfficeTestSupport.clickAndWait;
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
import java.time.Instant;
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
        OfficeTestSupport.close(tally, browser);
    }

    private static String heading() {
        return OfficeTestSupport.heading(browser);
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

    @Test
    void a_member_enrols_an_authenticator_and_signs_in_with_a_code() {
        OfficeTestSupport.readyStaff(tally, browser, DEMO, "totp.service@example.com", "Second-Factor-77", Role.SERVICE);
        signIn(tally, browser, "totp.service@example.com", "Second-Factor-77");
        assertEquals("Welcome", heading());
        check(browser, "office-home-service");
        visit(tally, browser, "/mfa", "office-mfa-start");
        fill(browser, "password", "Second-Factor-77");
        submit(browser);
        assertEquals("Add your authenticator app", heading());
        check(browser, "office-mfa-enrol");
        String secret = browser.driver().findElement(By.id("secret")).getText();
        assertTrue(browser.driver().findElement(By.id("otpauth")).getText().startsWith("otpauth://totp/"));
        fill(browser, "code", Totp.code(secret, Instant.now()));
        submit(browser);
        assertEquals("Second factor on", heading());
        signOut(browser);

        signIn(tally, browser, "totp.service@example.com", "Second-Factor-77");
        assertEquals("Enter your code", heading());
        check(browser, "office-mfa-code");
        fill(browser, "code", "000000".equals(Totp.code(secret, Instant.now())) ? "111111" : "000000");
        submit(browser);
        assertTrue(browser.driver().getPageSource().contains("That code is not right"));
        fill(browser, "code", Totp.code(secret, Instant.now()));
        submit(browser);
        assertEquals("Welcome", heading());
        signOut(browser);
    }

    @Test
    void an_admin_manages_staff_and_others_cannot_reach_the_staff_pages() {
        OfficeTestSupport.readyStaff(tally, browser, DEMO, "staff.admin@example.com", "Admin-Password-55", Role.ADMIN);
        signIn(tally, browser, "staff.admin@example.com", "Admin-Password-55");
        visit(tally, browser, "/staff", "office-staff-list");
        visit(tally, browser, "/staff/new", "office-staff-new");
        fill(browser, "email", "not-an-email");
        browser.driver().findElement(By.id("role-MANAGER")).click();
        submit(browser);
        assertTrue(browser.driver().getPageSource().contains("Enter the staff member"));
        check(browser, "office-staff-new-error");
        fill(browser, "email", "store.manager@example.com");
        fill(browser, "name", "Store Manager");
        browser.driver().findElement(By.id("role-MANAGER")).click();
        submit(browser);
        assertTrue(browser.driver().getPageSource().contains("A location group manager needs"));
        browser.driver().findElement(By.id("role-MANAGER")).click();
        browser.driver().findElement(By.id("group-STORES")).click();
        submit(browser);
        assertEquals("Staff member added", heading());
        check(browser, "office-staff-created");
        visit(tally, browser, "/staff", "office-staff-list-2");
        browser.driver().findElement(By.cssSelector("a[aria-label='Manage store.manager@example.com']")).click();
        check(browser, "office-staff-edit");
        // a form post: wait for the answer page before reading it (the raw click raced it once in CI)
        clickAndWait(browser, browser.driver().findElement(By.cssSelector("form[action$='/active'] button")));
        assertTrue(browser.driver().getPageSource().contains("Disabled"));
        check(browser, "office-staff-disabled");
        signOut(browser);

        OfficeTestSupport.readyStaff(tally, browser, DEMO, "analyst@example.com", "Analyst-Password-9", Role.ANALYST);
        signIn(tally, browser, "analyst@example.com", "Analyst-Password-9");
        visit(tally, browser, "/staff", "office-staff-not-found");
        assertEquals("Not found", heading());
        assertTrue(browser.driver().findElements(By.cssSelector("nav a[href$='/staff']")).isEmpty());
        signOut(browser);
    }
}
