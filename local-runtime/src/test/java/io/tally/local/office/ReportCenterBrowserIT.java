package io.tally.local.office;

import static io.tally.local.MerchantClient.balanceChange;
import static io.tally.local.MerchantClient.ok;
import static io.tally.local.office.OfficeTestSupport.DEMO;
import static io.tally.local.office.OfficeTestSupport.readyStaff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardLocationsPort;
import io.tally.domain.card.CardNumber;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.report.export.ReportKind;
import io.tally.domain.staff.Role;
import io.tally.dynamo.dynalite.LocalDynamo;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.local.LocalTally;
import io.tally.local.MerchantClient;
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
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The Report Center in Chromium: an admin requests a transactions export, the list shows it until it is ready (the
 * page is reloaded as a member would), the e-mailed link downloads the CSV with every row of the period; a manager of
 * the ONLINE group exports the same period and gets only DEMOWEB's rows, and sees only their own report. Then both
 * export the balances of every card: gift and loyalty cards handed out and used through the merchant API at Main
 * Street and the web shop; the admin's CSV holds every card's balances, the manager's only the web shop's cards.
 * Every page axe-clean.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportCenterBrowserIT {
    private static final String PASSWORD = "Correct-Horse-42";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final Pattern LINK = Pattern.compile("https?://\\S+/admin/reports/\\S+/download\\?t=\\S+");
    private static LocalTally tally;
    private static Browser browser;
    private static List<DomainEvent> events;
    private static String storeCard;
    private static String webCard;
    private static String loyaltyCard;

    @BeforeAll
    static void start() throws Exception {
        tally = OfficeTestSupport.start("office-report-center");
        browser = OfficeTestSupport.browser();
        try (DynamoDbClient dynamo = LocalDynamo.client(tally.endpoints().dynamoEndpoint())) {
            DynamoStorage storage = new DynamoStorage(dynamo, tally.endpoints().tableName());
            events = ReportActivity.record(storage.activityLog(), DEMO,
                    DAY.atStartOfDay(ZoneId.of("America/New_York")).toInstant(), 86_400, 300, 7);
        }
        useCards();
        readyStaff(tally, browser, DEMO, "reports.admin@example.com", PASSWORD, Role.ADMIN);
        awaitSignedOut();
        readyStaff(tally, browser, DEMO, "online.reports@example.com", PASSWORD, Role.MANAGER, "ONLINE");
        awaitSignedOut();
    }

    @AfterAll
    static void stop() {
        OfficeTestSupport.close(tally, browser);
    }

    /** Cards handed out and used through the merchant API; waits until the events consumer linked their locations. */
    private static void useCards() throws Exception {
        MerchantClient store = MerchantClient.demo(tally);
        MerchantClient web = store.with("location", "DEMOWEB").with("terminal", "web");
        storeCard = store.allocate("GIFT01");
        ok(store.call("updateBalance", balanceChange(storeCard, "issue", "Currency", "25.00")));
        ok(store.call("updateBalance", balanceChange(storeCard, "redeem", "Currency", "7.50")));
        webCard = web.allocate("GIFT01");
        ok(web.call("updateBalance", balanceChange(webCard, "issue", "Currency", "40.00")));
        loyaltyCard = web.allocate("LOYAL01");
        ok(web.call("updateBalance", balanceChange(loyaltyCard, "issue", "Points", "120")));
        try (DynamoDbClient dynamo = LocalDynamo.client(tally.endpoints().dynamoEndpoint())) {
            CardLocationsPort links = new DynamoStorage(dynamo, tally.endpoints().tableName()).cardLocations();
            Await.until("the cards' locations are linked", Duration.ofSeconds(30), () ->
                    List.of(storeCard, webCard, loyaltyCard).stream().allMatch(c -> !links.locations(DEMO,
                            new CardNumber(c)).isEmpty()));
        }
    }

    @Test
    @Order(1)
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

    @Test
    @Order(2)
    void a_balances_export_holds_every_cards_balances_and_a_manager_gets_only_their_locations_cards() throws Exception {
        List<String> store = List.of(storeCard, "GIFT01", "Currency", "USD", "17.50", "0.00", "17.50", "ACTIVE", "DEMO001");
        List<String> web = List.of(webCard, "GIFT01", "Currency", "USD", "40.00", "0.00", "40.00", "ACTIVE", "DEMOWEB");
        List<String> loyalty = List.of(loyaltyCard, "LOYAL01", "Points", "", "120", "0", "120", "ACTIVE", "DEMOWEB");

        Export admin = export("reports.admin@example.com", "report-center-balances-admin", ReportKind.BALANCES);
        assertEquals(sorted(List.of(store, web, loyalty)), sorted(balances(admin.rows())));
        assertEquals(3, admin.listed(), "a brand-wide role sees every report: both transactions exports and this one");

        Export manager = export("online.reports@example.com", "report-center-balances-manager", ReportKind.BALANCES);
        assertEquals(sorted(List.of(web, loyalty)), sorted(balances(manager.rows())));
        assertEquals(2, manager.listed(), "the manager's two reports only");
    }

    /** The columns a balances row is checked on: number, card set, value type, amounts, status, locations. */
    private static List<List<String>> balances(List<String> rows) {
        return rows.stream().map(l -> l.split(",", -1)).map(f -> List.of(f[0], f[2], f[4], f[5], f[6], f[7], f[8], f[9],
                f[10])).toList();
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        return rows.stream().sorted(Comparator.comparing(r -> r.get(0))).toList();
    }

    /** An export as the member saw it: the CSV's data rows, the reports listed on their page. */
    private record Export(List<String> rows, int listed) {
    }

    private static Export export(String email, String screenshot) throws Exception {
        return export(email, screenshot, ReportKind.TRANSACTIONS);
    }

    /** Signs in, requests the kind of report for the day, waits for READY, follows the e-mailed link. */
    private static Export export(String email, String screenshot, ReportKind kind) throws Exception {
        OfficeTestSupport.signIn(tally, browser, email, PASSWORD);
        OfficeTestSupport.visit(tally, browser, "/reports", screenshot + "-form");
        browser.driver().executeScript("document.getElementById('from').value = arguments[0];"
                + "document.getElementById('to').value = arguments[0];"
                + "document.getElementById('kind').value = arguments[1];", DAY.toString(), kind.name());
        OfficeTestSupport.submit(browser);
        assertEquals("Report Center", OfficeTestSupport.heading(browser));
        Await.until("the report is ready", Duration.ofSeconds(120), () -> {
            browser.open(OfficeTestSupport.url(tally, "/reports"));
            return browser.driver().findElement(By.cssSelector("#reports tbody tr .status")).getText().equals("Ready");
        });
        OfficeTestSupport.check(browser, screenshot + "-ready");
        String report = browser.driver().findElement(By.cssSelector("#reports tbody tr")).getAttribute("data-report");
        LocalMail.Captured mail = PortalTestSupport.awaitMail(tally, m -> m.to().contains(email)
                && m.subject().contains("report is ready") && m.text().contains("/reports/" + report + "/download"));
        Matcher link = LINK.matcher(mail.text());
        assertTrue(link.find(), mail.text());
        String csv = download(URI.create(link.group()));
        int listed = browser.driver().findElements(By.cssSelector("#reports tbody tr")).size();
        OfficeTestSupport.signOut(browser);
        awaitSignedOut();
        List<String> lines = Arrays.asList(csv.split("\r\n"));
        assertTrue(lines.get(0).startsWith(kind == ReportKind.BALANCES ? "cardNumber," : "occurredAt,"), lines.get(0));
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
