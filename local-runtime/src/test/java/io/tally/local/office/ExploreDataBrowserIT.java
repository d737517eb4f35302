package io.tally.local.office;

import static io.tally.local.office.OfficeTestSupport.DEMO;
import static io.tally.local.office.OfficeTestSupport.awaitActivity;
import static io.tally.local.office.OfficeTestSupport.awaitSignedOut;
import static io.tally.local.office.OfficeTestSupport.readyStaff;
import static io.tally.local.office.OfficeTestSupport.signIn;
import static io.tally.local.office.OfficeTestSupport.signOut;
import static io.tally.local.office.OfficeTestSupport.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.domain.staff.Role;
import io.tally.lambda.topology.PeriodicJobs;
import io.tally.local.LocalTally;
import io.tally.local.MerchantClient;
import io.tally.local.portal.Browser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Explore Data in headless Chromium against the local platform. Through the merchant API at Main Street: a gift card
 * is sold (25.00 issued), then pays 10.00 of a 12.00 checkout (2 lattes, a bagel); a loyalty card's first checkout (a
 * latte, 4.50) earns points. The rollups job runs; Explore Data for the last 7 days shows every chart as an SVG whose
 * markers carry exactly the figures of the table beside it, and those figures add up to what the calls did; the
 * headline, program and commerce figures likewise. A manager of the ONLINE group sees none of Main Street's figures.
 * Every page passes axe-core and is photographed.
 */
class ExploreDataBrowserIT {
    private static final String PASSWORD = "Correct-Horse-42";

    private static LocalTally tally;
    private static Browser browser;
    private static long points;

    @BeforeAll
    static void start() throws Exception {
        tally = OfficeTestSupport.start("office-explore");
        browser = OfficeTestSupport.browser();
        MerchantClient till = MerchantClient.demo(tally);
        String gift = ok(till.call("allocate", "{\"cardSetId\": \"GIFT01\"}")).get("cardNumber").asText();
        ok(till.call("updateBalance", "{\"cardNumber\": \"" + gift + "\", \"action\": \"issue\", \"amount\": "
                + "{\"balanceType\": \"Currency\", \"balanceCode\": \"USD\", \"amount\": 25.00}}"));
        ok(till.call("checkout", "{\"cardNumber\": \"" + gift + "\", \"products\": [{\"sku\": \"LATTE\", "
                + "\"amountPurchased\": 2, \"unitPrice\": 4.50}, {\"sku\": \"BAGEL\", \"amountPurchased\": 1, "
                + "\"unitPrice\": 3.00}], \"checkoutTotal\": 12.00, \"redemptions\": [{\"balanceType\": \"Currency\", "
                + "\"balanceCode\": \"USD\", \"amount\": 10.00}]}"));
        String loyalty = ok(till.call("allocate", "{\"cardSetId\": \"LOYAL01\"}")).get("cardNumber").asText();
        JsonNode earned = ok(till.call("checkout", "{\"cardNumber\": \"" + loyalty + "\", \"products\": [{\"sku\": "
                + "\"LATTE\", \"amountPurchased\": 1, \"unitPrice\": 4.50}], \"checkoutTotal\": 4.50, "
                + "\"returnBalances\": true}"));
        for (JsonNode b : earned.get("balances")) {
            if (b.get("balanceType").asText().equals("Points") && !b.get("isHold").asBoolean()) {
                points = b.get("amount").asLong();
            }
        }
        assertTrue(points > 0, "the loyalty checkout earned points: " + earned);
        awaitActivity(tally, 3);
        String job = tally.runJob(PeriodicJobs.ROLLUPS.name());
        assertTrue(job.contains("brands"), job);
        String scores = tally.runJob(PeriodicJobs.CUSTOMER_SCORES.name());
        assertTrue(scores.contains("brands scored"), scores);
        readyStaff(tally, browser, DEMO, "analyst@example.com", PASSWORD, Role.ANALYST);
        awaitSignedOut(browser);
        readyStaff(tally, browser, DEMO, "online.manager@example.com", PASSWORD, Role.MANAGER, "ONLINE");
        awaitSignedOut(browser);
    }

    @AfterAll
    static void stop() {
        OfficeTestSupport.close(tally, browser);
    }

    @Test
    void each_chart_carries_exactly_its_tables_figures_and_they_add_up_to_the_transactions_made() {
        signIn(tally, browser, "analyst@example.com", PASSWORD);
        visit(tally, browser, "/explore?period=7", "office-explore");
        assertEquals("Explore Data", OfficeTestSupport.heading(browser));

        assertEquals(List.of("25.00", "10.00"), chartSums("gift-activity", 2));
        assertEquals(List.of(Long.toString(points), "0"), chartSums("loyalty-activity", 0));
        assertEquals(List.of("1", "1"), chartSums("new-cards", 0));
        assertEquals(List.of("2"), chartSums("member-visits", 0));

        assertEquals("25.00 USD", metric("gift-amount-sold"));
        assertEquals("10.00 USD", metric("gift-amount-redeemed"));
        assertEquals("2.00 USD", metric("lift"));
        assertEquals("20.0 %", metric("lift-percent"));
        assertEquals(Long.toString(points), metric("points-issued"));
        assertEquals("0.0 %", metric("redemption-rate"));
        assertEquals("2", metric("orders"));
        assertEquals("16.50 USD", metric("sales"));
        assertEquals("8.25 USD", metric("average-order-value"));
        assertEquals("2.00", metric("items-per-basket"));
        assertEquals(List.of("1 LATTE 3", "2 BAGEL 1"), rows("top-skus"));
        assertEquals(List.of("Gift cards Gift 1 25.00 10.00 40.0 % 2.00 2"), rows("gift-programs"));
        String scored = metric("customer-scores");
        assertTrue(scored.endsWith(" cards scored"), scored);
        assertEquals(scored.replace(" cards scored", ""), scoreBreakdownSum());
        signOut(browser);
        awaitSignedOut(browser);
    }

    @Test
    void a_group_manager_sees_only_the_figures_of_their_groups_locations() {
        signIn(tally, browser, "online.manager@example.com", PASSWORD);
        visit(tally, browser, "/explore?period=7", "office-explore-manager");
        assertEquals(List.of("0.00", "0.00"), chartSums("gift-activity", 2));
        assertEquals("0", metric("member-visits"));
        assertEquals("0", metric("orders"));
        assertEquals("Not available yet", metric("customer-scores"), "scores are brand-wide");
        signOut(browser);
        awaitSignedOut(browser);
    }

    /**
     * The score breakdown's SVG against its table: a row and a marker per named range (then "No activity"), each marker
     * carrying its row's figure; answers the cards counted in all rows.
     */
    private static String scoreBreakdownSum() {
        WebElement svg = browser.driver().findElement(By.cssSelector("svg[data-chart='score-breakdown']"));
        List<WebElement> markers = svg.findElements(By.cssSelector("g.series circle, g.series rect"));
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#score-breakdown-table tbody tr"));
        assertEquals(List.of("Newbies (1-25)", "Climbers (26-50)", "Regulars (51-75)", "Rockstars (76-100)",
                "No activity (0)"), rows.stream().map(r -> r.findElement(By.tagName("th")).getText()).toList());
        assertEquals(rows.size(), markers.size());
        long sum = 0;
        for (int r = 0; r < rows.size(); r++) {
            String cell = rows.get(r).findElement(By.tagName("td")).getText();
            assertEquals(cell, markers.get(r).getAttribute("data-value"));
            sum += Long.parseLong(cell);
        }
        return Long.toString(sum);
    }

    /**
     * The chart's SVG (role img, a point per day and series) against the table beside it: each series' markers carry
     * the figures of its column, day by day; answers each column's sum ({@code scale} decimals).
     */
    private static List<String> chartSums(String chart, int scale) {
        WebElement svg = browser.driver().findElement(By.cssSelector("svg[data-chart='" + chart + "']"));
        assertEquals("img", svg.getAttribute("role"));
        List<WebElement> series = svg.findElements(By.cssSelector("g.series"));
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#" + chart + "-table tbody tr"));
        assertEquals(7, rows.size(), "a row per day of the last 7");
        List<String> sums = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            List<WebElement> markers = series.get(s).findElements(By.cssSelector("circle, rect"));
            assertEquals(rows.size(), markers.size(), "a point per day");
            BigDecimal sum = BigDecimal.ZERO.setScale(scale);
            for (int d = 0; d < rows.size(); d++) {
                String cell = rows.get(d).findElements(By.tagName("td")).get(s).getText();
                assertEquals(cell, markers.get(d).getAttribute("data-value"), chart + " series " + s + " day " + d);
                assertEquals(rows.get(d).findElement(By.tagName("th")).getText(), markers.get(d).getAttribute("data-day"));
                sum = sum.add(new BigDecimal(cell));
            }
            sums.add(sum.toPlainString());
        }
        return sums;
    }

    private static String metric(String id) {
        return browser.driver().findElement(By.cssSelector("#metric-" + id + " td")).getText();
    }

    private static List<String> rows(String table) {
        return browser.driver().findElements(By.cssSelector("#" + table + " tbody tr")).stream()
                .map(WebElement::getText).toList();
    }

    private static JsonNode ok(JsonNode answer) {
        assertTrue(answer.path("success").asBoolean(), answer.toString());
        return answer;
    }
}
