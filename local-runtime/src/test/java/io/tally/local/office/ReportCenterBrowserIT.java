package io.tally.local.office;

import static io.tally.local.office.OfficeTestSupport.DEMO;
import static io.tally.local.office.OfficeTestSupport.readyStaff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.event.DomainEvent;
import io.tally.domain.staff.Role;
import io.tally.dynamo.dynalite.LocalDynamo;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.local.LocalTally;
import io.tally.local.mail.LocalMail;
import io.tally.local.portal.Browser;
import io.tally.local.portal.PortalTestSupport;
import io.tally.local.reports.ReportActivity;
import io.tally.local.testing.Await;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The Report Center in Chromium: an admin requests a transactions export, the list shows it until it is ready (the
 * page is reloaded as a member would), the e-mailed link downloads the CSV with every row of the period; a manager of
 * the ONLINE group exports the same period and gets only DEMOWEB's rows, and sees only their own report. Every page
 * axe-clean.
 */
class ReportCenterBrowserIT {
    private static final String PASSWORD = "Correct-Horse-42";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final Pattern LINK = Pattern.compile("https?://\\S+/admin/reports/\\S+/download\\?t=\\S+");
    private static LocalTally tally;
    private static Browser browser;
    private static List<DomainEvent> events;

    @BeforeAll
    static void start() throws Exception {
        tally = OfficeTestSupport.start("office-report-center");
        browser = OfficeTestSupport.browser();
        try (DynamoDbClient dynamo = LocalDynamo.client(tally.endpoints().dynamoEndpoint())) {
            DynamoStorage storage = new DynamoStorage(dynamo, tally.endpoints().tableName());
            events = ReportActivity.record(storage.activityLog(), DEMO,
                    DAY.atStartOfDay(ZoneId.of("America/New_York")).toInstant(), 86_400, 300, 7);
        }
        readyStaff(tally, browser, DEMO, "reports.admin@example.com", PASSWORD, Role.ADMIN);
        awaitSignedOut();
        readyStaff(tally, browser, DEMO, "online.reports@example.com", PASSWORD, Role.MANAGER, "ONLINE");
        awaitSignedOut();
    }

    @AfterAll
    static void stop() {
        OfficeTestSupport.close(tally, browser);
    }

    @Test
    void an_export_completes_and_its_e_mailed_link_downloads_the_csv_and_a_manager_gets_only_their_locations()
            throws Exception {
        Export admin = export("reports.admin@example.com", "report-center-admin");
        assertEquals(events.stream().map(DomainEvent::id).toList(), admin.rows().stream().map(l -> l.split(",")[13]).toList());

        Export manager = export("online.reports@example.com", "report-center-manager");
        List<String> online = manager.rows();
        List<String> expected = events.stream().filter(e -> e.data().get("location").equals("DEMOWEB"))
                .map(DomainEvent::id).toList();
        assertTrue(!expected.isEmpty() && expected.size() < events.size());
        assertEquals(expected, online.stream().map(l -> l.split(",")[13]).toList());
        assertTrue(online.stream().allMatch(l -> l.split(",")[4].equals("DEMOWEB")));
        assertEquals(1, manager.listed(), "a manager sees only their own report");
        assertEquals(1, admin.listed(), "the admin saw theirs (the manager's came later)");
    }

    /** An export as the member saw it: the CSV's data rows, the reports listed on their page. */
    private record Export(List<String> rows, int listed) {
    }

    /** Signs in, requests the day's transactions, waits for READY, follows the e-mailed link. */
    private static Export export(String email, String screenshot) throws Exception {
        OfficeTestSupport.signIn(tally, browser, email, PASSWORD);
        OfficeTestSupport.visit(tally, browser, "/reports", screenshot + "-form");
        browser.driver().executeScript("document.getElementById('from').value = arguments[0];"
                + "document.getElementById('to').value = arguments[0];", DAY.toString());
        OfficeTestSupport.submit(browser);
        assertEquals("Report Center", OfficeTestSupport.heading(browser));
        Await.until("the report is ready", Duration.ofSeconds(120), () -> {
            browser.open(OfficeTestSupport.url(tally, "/reports"));
            return browser.driver().findElement(By.cssSelector("#reports tbody tr .status")).getText().equals("Ready");
        });
        OfficeTestSupport.check(browser, screenshot + "-ready");
        LocalMail.Captured mail = PortalTestSupport.awaitMail(tally, m -> m.to().contains(email)
                && m.subject().contains("report is ready"));
        Matcher link = LINK.matcher(mail.text());
        assertTrue(link.find(), mail.text());
        String csv = download(URI.create(link.group()));
        int listed = browser.driver().findElements(By.cssSelector("#reports tbody tr")).size();
        OfficeTestSupport.signOut(browser);
        awaitSignedOut();
        List<String> lines = Arrays.asList(csv.split("\r\n"));
        assertTrue(lines.get(0).startsWith("occurredAt,"));
        return new Export(lines.subList(1, lines.size()), listed);
    }

    /** Follows the link with the browser's session: the back office answers 303 to a presigned S3 URL. */
    private static String download(URI link) throws IOException {
        String cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpURLConnection office = (HttpURLConnection) link.toURL().openConnection();
        office.setInstanceFollowRedirects(false);
        office.setRequestProperty("Cookie", cookies);
        assertEquals(303, office.getResponseCode());
        String location = office.getHeaderField("Location");
        HttpURLConnection s3 = (HttpURLConnection) URI.create(location).toURL().openConnection();
        assertEquals(200, s3.getResponseCode());
        try (var body = s3.getInputStream()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void awaitSignedOut() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d ->
                d.findElements(By.cssSelector("form[action$='/signout']")).isEmpty());
    }
}
