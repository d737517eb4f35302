package io.tally.local.office;

import static io.tally.local.office.OfficeTestSupport.DEMO;
import static io.tally.local.office.OfficeTestSupport.check;
import static io.tally.local.office.OfficeTestSupport.fill;
import static io.tally.local.office.OfficeTestSupport.signIn;
import static io.tally.local.office.OfficeTestSupport.signOut;
import static io.tally.local.office.OfficeTestSupport.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardNumberGenerator;
import io.tally.domain.card.Customer;
import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.segment.FilterGroup;
import io.tally.domain.segment.Segment;
import io.tally.domain.segment.SegmentFilter;
import io.tally.domain.staff.Role;
import io.tally.domain.tenant.LocationId;
import io.tally.dynamo.dynalite.LocalDynamo;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.local.LocalTally;
import io.tally.local.portal.Browser;
import io.tally.local.testing.Await;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The segment builder in headless Chromium, without any script of ours: an admin creates a segment, adds filters in
 * two groups (a refused filter first), sees the live count of the cards it holds, removes a filter and sees the count
 * grow; a location group manager builds a segment by location whose count holds only the cards used there and does
 * not see the admin's shared segment, presses "Evaluate now" and sees the snapshot become READY with as many members
 * as the live count, and exports them through the Report Center; the admin finds every change (and the evaluation)
 * in the audit log; a customer-service member has no
 * segments. Every page passes axe-core and is kept as a screenshot.
 */
class SegmentBuilderBrowserIT {
    private static final String PASSWORD = "Segments-Admin-42";
    private static LocalTally tally;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        tally = OfficeTestSupport.start("office-segments");
        browser = OfficeTestSupport.browser();
    }

    @AfterAll
    static void stop() {
        OfficeTestSupport.close(tally, browser);
    }

    private static String main() {
        return browser.driver().findElement(By.tagName("main")).getText();
    }

    private static void post(String actionEnd) {
        OfficeTestSupport.clickAndWait(browser,
                browser.driver().findElement(By.cssSelector("form[action$='" + actionEnd + "'] button[type=submit]")));
    }

    private static void choose(String name, String value) {
        new Select(browser.driver().findElement(By.name(name))).selectByValue(value);
    }

    private static void follow(String linkText) {
        OfficeTestSupport.clickAndWait(browser, browser.driver().findElement(By.linkText(linkText)));
    }

    @Test
    void an_admin_builds_a_segment_and_sees_its_count() {
        handOut("Ada", "F", LocalDate.of(1990, 2, 28), "SW1A 1AA", true);
        CardNumber bea = handOut("Bea", "F", LocalDate.of(1985, 7, 1), "SW19 2AA", false);
        handOut("Cal", "M", LocalDate.of(1970, 2, 28), "LS1 4AP", true);
        OfficeTestSupport.readyStaff(tally, browser, DEMO, "segments.admin@example.com", PASSWORD, Role.ADMIN);
        signIn(tally, browser, "segments.admin@example.com", PASSWORD);

        visit(tally, browser, "/segments", "segments-list");
        assertTrue(main().contains("Members") && main().contains("Identified non-members"), "base segments: " + main());
        fill(browser, "name", "Segmentson family");
        fill(browser, "description", "The test's customers");
        post("/admin/segments");
        assertTrue(main().contains("Saved."), main());
        check(browser, "segments-created");
        String segmentPath = browser.driver().getCurrentUrl().replaceAll("^.*/admin", "").replaceAll("\\?.*$", "");

        follow("Add a filter: Fields (text)");
        check(browser, "segments-add-text");
        fill(browser, "field", "lastName");
        post("/add/text");
        assertTrue(main().contains("Fields (text): text is required"), main());
        check(browser, "segments-refused");
        fill(browser, "field", "lastName");
        fill(browser, "text", "segmentson");
        post("/add/text");
        assertTrue(main().contains("Cards in this segment: 3 ("), main());

        follow("Add a filter: Customer occasion");
        choose("groupJoin", "OR");
        choose("occasion", "birthday");
        fill(browser, "fromDay", "02-28");
        fill(browser, "toDay", "02-29");
        post("/add/occasion");
        follow("Add a filter: Enrollment status");
        choose("group", "2");
        choose("enrolled", "no");
        post("/add/enrollment-status");
        assertTrue(main().contains("Cards in this segment: 3 ("), "Ada, Cal (28 Feb) OR Bea (not enrolled): " + main());
        follow("Add a filter: Gender");
        choose("group", "1");
        fill(browser, "gender", "f");
        post("/add/gender");
        assertTrue(main().contains("Cards in this segment: 2 ("), "Ada and Bea: " + main());
        check(browser, "segments-built");

        try (var dynamo = LocalDynamo.client(tally.endpoints().dynamoEndpoint())) {
            Segment stored = new DynamoStorage(dynamo, tally.endpoints().tableName()).segments()
                    .list(DEMO).stream().filter(s -> s.name().equals("Segmentson family")).findFirst().orElseThrow();
            assertEquals(2, stored.filters().members().size());
            assertEquals(FilterGroup.Join.OR, ((FilterGroup) stored.filters().members().get(1)).join());
            assertEquals(SegmentFilter.Gender.is("f"), ((FilterGroup) stored.filters().members().get(0)).members().get(1));
        }

        post(segmentPath + "/remove/1/2");
        assertTrue(main().contains("Cards in this segment: 3 ("), "without the gender filter: " + main());
        check(browser, "segments-removed");

        signOut(browser);
        try (var dynamo = LocalDynamo.client(tally.endpoints().dynamoEndpoint())) {
            new DynamoStorage(dynamo, tally.endpoints().tableName()).cardLocations().link(DEMO, bea, new LocationId("DEMOWEB"));
        }
        OfficeTestSupport.readyStaff(tally, browser, DEMO, "segments.manager@example.com", PASSWORD, Role.MANAGER, "ONLINE");
        signIn(tally, browser, "segments.manager@example.com", PASSWORD);
        visit(tally, browser, "/segments", "segments-manager-list");
        assertTrue(!main().contains("Segmentson family") && !main().contains("Identified non-members"),
                "a manager sees no brand-wide segment: " + main());
        fill(browser, "name", "Web Segmentsons");
        fill(browser, "locations", "DEMOWEB");
        post("/admin/segments");
        assertTrue(main().contains("Saved."), main());
        follow("Add a filter: Fields (text)");
        fill(browser, "field", "lastName");
        fill(browser, "text", "segmentson");
        post("/add/text");
        assertTrue(main().contains("Cards in this segment: 1 ("), "only Bea was used at DEMOWEB: " + main());
        check(browser, "segments-manager-built");
        String webPath = browser.driver().getCurrentUrl().replaceAll("^.*/admin", "").replaceAll("\\?.*$", "");
        assertEquals(List.of("Not evaluated yet."), snapshotCells());
        post(webPath + "/evaluate");
        assertTrue(main().contains("Evaluation started"), main());
        Await.until("the snapshot is READY", Duration.ofSeconds(60), () -> {
            browser.open(OfficeTestSupport.url(tally, webPath));
            return snapshotCells().get(1).equals("READY");
        });
        check(browser, "segments-evaluated");
        Matcher live = Pattern.compile("Cards in this segment: (\\d+) \\(").matcher(main());
        assertTrue(live.find(), main());
        assertEquals(live.group(1), snapshotCells().get(4), "the snapshot's members are the live count: " + snapshotCells());
        post("/export");
        assertEquals("Report Center", OfficeTestSupport.heading(browser));
        Await.until("the members export is ready", Duration.ofSeconds(120), () -> {
            browser.open(OfficeTestSupport.url(tally, "/reports"));
            return browser.driver().findElement(By.cssSelector("#reports tbody tr .status")).getText().equals("Ready");
        });
        assertTrue(browser.driver().findElement(By.cssSelector("#reports tbody tr")).getText()
                .contains("Members of a segment snapshot"), main());
        check(browser, "segments-members-export");

        signOut(browser);
        signIn(tally, browser, "segments.admin@example.com", PASSWORD);
        visit(tally, browser, "/audit?action=segment.", "segments-audit");
        String audit = main();
        assertTrue(audit.contains("segment.create") && audit.contains("segment.filter.add")
                && audit.contains("segment.filter.remove") && audit.contains("segment:" + segmentPath.replace("/segments/", ""))
                && audit.contains("segments.manager@example.com") && audit.contains("Web Segmentsons")
                && audit.contains("segment.evaluate"), audit);
        signOut(browser);
        OfficeTestSupport.readyStaff(tally, browser, DEMO, "segments.service@example.com", PASSWORD, Role.SERVICE);
        signIn(tally, browser, "segments.service@example.com", PASSWORD);
        browser.open(OfficeTestSupport.url(tally, "/segments"));
        assertEquals("Not found", OfficeTestSupport.heading(browser));
    }

    /** The cells of the segment page's newest snapshot (date, status, pages done, cards examined, members, ready). */
    private static List<String> snapshotCells() {
        return browser.driver().findElements(By.xpath("//table[starts-with(caption, 'Snapshots')]/tbody/tr[1]/td"))
                .stream().map(e -> e.getText().strip()).toList();
    }

    /** A card of the demo loyalty set, handed out to a Segmentson (enrolled or not). */
    private static CardNumber handOut(String first, String gender, LocalDate born, String postal, boolean enrolled) {
        try (var dynamo = LocalDynamo.client(tally.endpoints().dynamoEndpoint())) {
            DynamoStorage storage = new DynamoStorage(dynamo, tally.endpoints().tableName());
            CardSet set = new CardSet(DEMO, new CardSetId("LOYAL01"), new ProgramId("LOYALTY"), "x", "7777", 19);
            CardNumber number = new CardNumberGenerator(bytes -> new SecureRandom().nextBytes(bytes)).next(set);
            Card card = Card.unallocated(DEMO, number, set.program(), set.id());
            storage.cards().create(card);
            Card active = card.activated("hash", Instant.parse("2026-12-01T10:00:00Z"), Optional.of(new Customer(first,
                    "Segmentson", null, null, null, null, null, null, postal, "GB", born, gender)));
            storage.cards().allocate(active);
            storage.cards().update(active.withProfile(Optional.empty(), active.primaryCustomer(), Optional.empty(), Map.of(),
                    Map.of(), Map.of(), enrolled ? Optional.of(Instant.parse("2026-12-01T10:00:00Z")) : Optional.empty()));
            return number;
        }
    }
}
