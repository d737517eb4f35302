package io.tally.local.office;

import static io.tally.local.MerchantClient.balanceChange;
import static io.tally.local.MerchantClient.ok;
import static io.tally.local.office.OfficeTestSupport.DEMO;
import static io.tally.local.office.OfficeTestSupport.readyStaff;
import static io.tally.local.office.OfficeTestSupport.signIn;
import static io.tally.local.office.OfficeTestSupport.signOut;
import static io.tally.local.office.OfficeTestSupport.url;
import static io.tally.local.office.OfficeTestSupport.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.staff.Role;
import io.tally.lambda.jobs.RollupsTask;
import io.tally.local.LocalTally;
import io.tally.local.MerchantClient;
import io.tally.local.portal.Browser;
import io.tally.local.testing.Await;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * Accounting in headless Chromium against the local platform: gift cards used at Main Street (group STORES) and at the
 * web shop (group ONLINE), and a loyalty card's points at the web shop, made through the merchant API; the rollups
 * job runs; an analyst's activity and outstanding balances equal the sums of those transactions (by location, the
 * overview, gift programs only), the CSV download holds exactly the table's cells; a manager of ONLINE sees the web
 * shop only. Every page passes axe-core and is photographed.
 */
class AccountingBrowserIT {
    private static final String PASSWORD = "Correct-Horse-42";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalTally tally;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        tally = OfficeTestSupport.start("office-accounting");
        browser = OfficeTestSupport.browser();
        MerchantClient store = MerchantClient.demo(tally);
        MerchantClient web = store.with("location", "DEMOWEB").with("terminal", "web");
        String storeCard = store.allocate("GIFT01");
        ok(store.call("updateBalance", balanceChange(storeCard, "issue", "Currency", "25.00")));
        ok(store.call("updateBalance", balanceChange(storeCard, "issue", "Currency", "10.00")));
        ok(store.call("updateBalance", balanceChange(storeCard, "redeem", "Currency", "7.50")));
        String webCard = web.allocate("GIFT01");
        ok(web.call("updateBalance", balanceChange(webCard, "issue", "Currency", "40.00")));
        ok(web.call("updateBalance", balanceChange(webCard, "redeem", "Currency", "12.25")));
        String loyaltyCard = web.allocate("LOYAL01");
        ok(web.call("updateBalance", balanceChange(loyaltyCard, "issue", "Points", "120")));
        Await.until("the consumer recorded the 6 balance changes", Duration.ofSeconds(30), () ->
                tally.component().activityLog().recent(DEMO, 200).stream()
                        .filter(e -> e.type().equals("ledger.issue") || e.type().equals("ledger.redeem")).count() >= 6);
        tally.runJob(RollupsTask.NAME);
        readyStaff(tally, browser, DEMO, "analyst@example.com", PASSWORD, Role.ANALYST);
        readyStaff(tally, browser, DEMO, "online.manager@example.com", PASSWORD, Role.MANAGER, "ONLINE");
    }

    @AfterAll
    static void stop() {
        OfficeTestSupport.close(tally, browser);
    }

    @Test
    void an_analysts_figures_equal_the_sums_of_the_transactions_and_the_csv_holds_the_table() throws Exception {
        signIn(tally, browser, "analyst@example.com", PASSWORD);
        visit(tally, browser, "/accounting", "office-accounting-overview");
        Map<String, List<String>> overview = rows();
        assertEquals(List.of("Currency:USD", "Points"), List.copyOf(overview.keySet()));
        // issued 25 + 10 + 40 in three issues; redeemed 7.50 + 12.25 in two redemptions; net 55.25
        assertEquals(List.of("Currency:USD", "75.00", "3", "19.75", "2"), overview.get("Currency:USD").subList(0, 5));
        assertEquals("55.25", last(overview.get("Currency:USD")));
        assertEquals(List.of("Points", "120", "1"), overview.get("Points").subList(0, 3));

        visit(tally, browser, "/accounting?by=LOCATION&kind=GIFT", "office-accounting-by-location");
        Map<String, List<String>> byPlace = rows();
        assertEquals(List.of("Main Street", "Web shop"), List.copyOf(byPlace.keySet()), "gift programs only");
        assertEquals(List.of("Main Street", "Currency:USD", "35.00", "2", "7.50", "1"),
                byPlace.get("Main Street").subList(0, 6));
        assertEquals(List.of("Web shop", "Currency:USD", "40.00", "1", "12.25", "1"),
                byPlace.get("Web shop").subList(0, 6));
        String csv = download("/accounting/activity.csv?" + query());
        assertEquals(csvOf(), csv, "the download holds exactly the table shown");

        visit(tally, browser, "/accounting/balances?by=LOCATION", "office-accounting-balances");
        Map<String, List<String>> balances = rows();
        assertEquals(List.of("Main Street", "Currency:USD", "27.50"), balances.get("Main Street"));
        assertEquals(List.of("Web shop", "Currency:USD", "27.75"), balances.get("Web shop"));
        assertEquals(csvOf(), download("/accounting/balances.csv?by=LOCATION"));
        visit(tally, browser, "/accounting?from=2026-02-01&to=2025-02-01", "office-accounting-refused");
        assertTrue(browser.driver().findElement(By.id("form-errors")).getText().contains("The start is after the end"));
        assertTrue(browser.driver().findElements(By.id("figures")).isEmpty(), "no table for a refused period");
        visit(tally, browser, "/accounting?by=TYPE", "office-accounting-by-type");
        assertTrue(rowsList().contains(List.of("Issue", "Currency:USD", "75.00", "0.00", "75.00", "3")), rowsList()::toString);
        assertTrue(rowsList().contains(List.of("Redeem", "Currency:USD", "0.00", "19.75", "-19.75", "2")),
                rowsList()::toString);
        signOut(browser);
    }

    @Test
    void a_group_manager_sees_only_their_groups_locations() throws Exception {
        signIn(tally, browser, "online.manager@example.com", PASSWORD);
        visit(tally, browser, "/accounting?by=LOCATION", "office-accounting-manager");
        assertTrue(browser.driver().findElement(By.id("scope-note")).isDisplayed(), "the page says it is partial");
        Map<String, List<String>> byPlace = rows();
        assertEquals(List.of("Web shop"), byPlace.keySet().stream().distinct().toList());
        assertFalse(browser.driver().findElement(By.tagName("main")).getText().contains("Main Street"));
        visit(tally, browser, "/accounting", "office-accounting-manager-overview");
        assertEquals(List.of("Currency:USD", "40.00", "1", "12.25", "1"), rows().get("Currency:USD").subList(0, 5),
                "the overview adds up the web shop only");
        visit(tally, browser, "/accounting/balances", "office-accounting-manager-balances");
        assertEquals(List.of("Currency:USD", "27.75"), rows().get("Currency:USD"));
        String csv = download("/accounting/balances.csv");
        assertFalse(csv.contains("27.50"), csv);
        signOut(browser);
    }

    /** The table's rows by their header cell (the first row of a name when a name has several value types). */
    private static Map<String, List<String>> rows() {
        return rowsList().stream().collect(Collectors.toMap(r -> r.get(0), r -> r, (a, b) -> a,
                LinkedHashMap::new));
    }

    private static List<List<String>> rowsList() {
        List<List<String>> rows = new ArrayList<>();
        for (WebElement tr : browser.driver().findElements(By.cssSelector("#figures tbody tr"))) {
            rows.add(tr.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList());
        }
        return rows;
    }

    /** The table shown, written as the CSV should hold it (no field here needs quoting). */
    private static String csvOf() {
        StringBuilder csv = new StringBuilder();
        csv.append(browser.driver().findElements(By.cssSelector("#figures thead th")).stream().map(WebElement::getText)
                .collect(Collectors.joining(","))).append("\r\n");
        rowsList().forEach(r -> csv.append(String.join(",", r)).append("\r\n"));
        return csv.toString();
    }

    private static String query() {
        return browser.driver().findElement(By.id("csv")).getAttribute("href").replaceFirst("^[^?]*\\?", "");
    }

    private static String last(List<String> row) {
        return row.get(row.size() - 1);
    }

    /** Fetches a CSV with the browser's session, checking it is served as a CSV file to save. */
    private static String download(String adminPath) throws IOException, InterruptedException {
        Cookie session = browser.driver().manage().getCookieNamed("tally_admin");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url(tally, adminPath)))
                .header("Cookie", "tally_admin=" + session.getValue()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("text/csv; charset=utf-8", response.headers().firstValue("content-type").orElse(""));
        assertTrue(response.headers().firstValue("content-disposition").orElse("").startsWith("attachment; filename="),
                response.headers().map().toString());
        return response.body();
    }
}
