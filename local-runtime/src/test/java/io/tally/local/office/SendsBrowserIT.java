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

import io.tally.domain.communication.EmailTemplate;
import io.tally.domain.communication.TestList;
import io.tally.domain.card.CardNumber;
import io.tally.domain.staff.Role;
import io.tally.dynamo.dynalite.LocalDynamo;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.local.LocalTally;
import io.tally.local.MerchantClient;
import io.tally.local.mail.LocalMail;
import io.tally.local.portal.Browser;
import io.tally.local.portal.PortalTestSupport;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Scheduled sends in headless Chromium: an admin creates a draft, is refused a time in the past, sends a test to a test
 * list (the mail arrives marked [TEST], the draft becomes "tests"), queues the send for later and cancels it. Every
 * page passes axe-core and is kept as a screenshot.
 */
class SendsBrowserIT {
    private static final String PASSWORD = "Sends-Admin-42!";
    private static LocalTally tally;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        tally = OfficeTestSupport.start("office-sends");
        browser = OfficeTestSupport.browser();
    }

    @AfterAll
    static void stop() {
        OfficeTestSupport.close(tally, browser);
    }

    @Test
    void an_admin_drafts_tests_queues_and_cancels_a_send() throws Exception {
        OfficeTestSupport.readyStaff(tally, browser, DEMO, "sends.admin@example.com", PASSWORD, Role.ADMIN);
        MerchantClient demo = MerchantClient.demo(tally);
        String card = MerchantClient.ok(demo.call("allocate", "{\"cardSetId\": \"LOYAL01\"}")).get("cardNumber").asText();
        MerchantClient.ok(demo.call("updateAccount", "{\"cardNumber\": \"" + card + "\", \"primaryCustomer\": "
                + "{\"firstName\": \"Tess\", \"email\": \"tess.sends@example.com\"}}"));
        try (var dynamo = LocalDynamo.client(tally.endpoints().dynamoEndpoint())) {
            DynamoStorage storage = new DynamoStorage(dynamo, tally.endpoints().tableName());
            storage.templates().create(new EmailTemplate(DEMO, "tplsends", "Winter <offers>", "Hi {{customer.firstName}}",
                    "<p>Hi {{customer.firstName}}</p>", "Hi {{customer.firstName}}", Instant.now(), "it", 1));
            storage.testLists().create(new TestList(DEMO, "qa", "QA team", List.of(new CardNumber(card)), Instant.now(), 1));
        }
        signIn(tally, browser, "sends.admin@example.com", PASSWORD);

        visit(tally, browser, "/communications/sends", "sends-list");
        fill(browser, "name", "Winter <news>");
        choose(browser, "template", "tplsends");
        choose(browser, "list", "offers");
        post(browser, "/communications/sends");
        assertTrue(mainText(browser).contains("Send Winter <news>"), mainText(browser));
        assertTrue(mainText(browser).contains("draft"), mainText(browser));
        check(browser, "sends-draft");

        fill(browser, "sendAt", "2001-01-01 09:00");
        submit("/schedule");
        assertTrue(mainText(browser).contains("The time is in the past."), mainText(browser));
        check(browser, "sends-past-refused");

        choose(browser, "testList", "qa");
        submit("/test");
        assertTrue(mainText(browser).contains("tests"), mainText(browser));
        LocalMail.Captured test = PortalTestSupport.awaitMail(tally, m -> m.to().contains("tess.sends@example.com"));
        assertTrue(test.subject().equals("[TEST] Hi Tess"), test.subject());

        fill(browser, "sendAt", "2099-01-01 09:00");
        submit("/schedule");
        assertTrue(mainText(browser).contains("queued"), mainText(browser));
        check(browser, "sends-queued");
        submit("/cancel");
        assertTrue(mainText(browser).contains("cancelled"), mainText(browser));
        check(browser, "sends-cancelled");
        visit(tally, browser, "/communications/sends", "sends-list-after");
        assertTrue(mainText(browser).contains("Winter <news>") && mainText(browser).contains("cancelled"),
                mainText(browser));
    }

    /** Submits the send page's form whose action ends with {@code suffix} (before its version query). */
    private static void submit(String suffix) {
        OfficeTestSupport.clickAndWait(browser, browser.driver().findElement(By.cssSelector(
                "form[action*='" + suffix + "'] button[type=submit]")));
    }
}
