package io.tally.local.office;

import static io.tally.local.office.OfficeTestSupport.DEMO;
import static io.tally.local.office.OfficeTestSupport.check;
import static io.tally.local.office.OfficeTestSupport.fill;
import static io.tally.local.office.OfficeTestSupport.mainText;
import static io.tally.local.office.OfficeTestSupport.post;
import static io.tally.local.office.OfficeTestSupport.signIn;
import static io.tally.local.office.OfficeTestSupport.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.communication.send.Send;
import io.tally.domain.communication.send.SendStatus;
import io.tally.domain.email.MailingHeaders;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.PreferencesPort.Choice;
import io.tally.domain.member.PreferencesPort.Source;
import io.tally.domain.staff.Role;
import io.tally.dynamo.dynalite.LocalDynamo;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.lambda.jobs.ScheduledSendsTask;
import io.tally.lambda.topology.QueueId;
import io.tally.local.LocalTally;
import io.tally.local.MerchantClient;
import io.tally.local.portal.Browser;
import io.tally.local.sqs.LocalSqs;
import io.tally.local.testing.Await;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 15's acceptance, end to end in headless Chromium on the local platform: an admin uploads a PNG, builds a
 * template with merge fields and the image, previews it, sends a test, narrows a scheduled send to a READY segment (its
 * members get one e-mail each with the unsubscribe header, tracked links and the tracking image; the other subscriber
 * gets none), cancels another send (nothing goes when its time passes); the mail's tracking image and link are
 * fetched, recorded SES documents (delivered, a hard bounce, a complaint) go through the delivery-events queue, and the
 * statistics page shows the mailing's figures move (and a recipient's checkout its revenue, all SKU tags or one); the
 * complaint took the member off the list. Every page passes
 * axe-core and is kept as a screenshot.
 */
class CommunicationsAcceptanceBrowserIT {
    private static final String PASSWORD = "Accept-Admin-42!";
    private static final Path WORK = Path.of("target", "communications-acceptance-it");
    private static final Path RECORDED = Path.of("..", "member-portal", "src", "test", "resources", "ses-events");
    private static final String ORIGINAL = "https://example.com/winter";
    private static final Pattern TRACKED = Pattern.compile("\"(https?://[^\"]+/(?:o|c)\\?t=[^\"]+)\"");
    private static LocalTally tally;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        tally = OfficeTestSupport.start("office-communications-acceptance");
        browser = OfficeTestSupport.browser();
    }

    @AfterAll
    static void stop() {
        OfficeTestSupport.close(tally, browser);
    }

    @Test
    void a_template_with_an_image_goes_to_a_segment_and_the_statistics_move_as_events_arrive() throws Exception {
        MerchantClient demo = MerchantClient.demo(tally);
        String ann = member(demo, "Ann", "Acceptson", "ann.accept@example.test", 25);
        member(demo, "Ben", "Acceptson", "ben.accept@example.test", 40);
        member(demo, "Cy", "Otherson", "cy.accept@example.test", 10);
        try (var dynamo = LocalDynamo.client(tally.endpoints().dynamoEndpoint())) {
            DynamoStorage storage = new DynamoStorage(dynamo, tally.endpoints().tableName());
            for (String who : List.of("ann", "ben", "cy")) {
                storage.preferences().choose(DEMO, ContactKey.email(who + ".accept@example.test"),
                        new Choice("offers", true, Instant.now().truncatedTo(ChronoUnit.MILLIS), Source.PAGE));
            }
        }
        OfficeTestSupport.readyStaff(tally, browser, DEMO, "accept.admin@example.com", PASSWORD, Role.ADMIN);
        signIn(tally, browser, "accept.admin@example.com", PASSWORD);

        // 1. an image in the asset library, a template using it and merge fields, previewed for Ann's card
        visit(tally, browser, "/communications/assets", "accept-assets");
        Files.createDirectories(WORK);
        Path png = WORK.resolve("winter.png");
        png(png);
        browser.driver().findElement(By.name("image")).sendKeys(png.toAbsolutePath().toString());
        post(browser, "/communications/assets");
        String image = browser.driver().findElement(By.cssSelector("#assets code.url")).getText();
        assertTrue(image.startsWith(tally.endpoints().baseUrl() + "/portal/DEMO/assets/"), image);
        check(browser, "accept-asset-listed");

        visit(tally, browser, "/setup/templates", "accept-templates");
        fill(browser, "name", "Winter acceptance");
        fill(browser, "subject", "{{customer.firstName}}, your winter offers");
        fill(browser, "html", "<p>Hi {{customer.firstName}}, you have {{balance Points}} points.</p>"
                + "<p><img src=\"" + image + "\" alt=\"Winter offers\"></p>"
                + "<p><a href=\"" + ORIGINAL + "\">See the offers</a></p>");
        fill(browser, "text", "Hi {{customer.firstName}}, you have {{balance Points}} points. " + ORIGINAL);
        post(browser, "/setup/templates");
        assertTrue(mainText(browser).contains("Saved."), mainText(browser));
        check(browser, "accept-template-saved");
        fill(browser, "card", ann);
        OfficeTestSupport.clickAndWait(browser, browser.driver().findElement(
                By.cssSelector("form[action$='/preview'] button[type=submit]")));
        String preview = mainText(browser);
        assertTrue(preview.contains("Ann, your winter offers") && preview.contains("Hi Ann, you have 25 points.")
                && preview.contains(image), preview);
        check(browser, "accept-template-preview");

        // 2. a test list of Ann's card; a draft send of the template to the offers list; its test
        visit(tally, browser, "/setup/test-lists", "accept-test-lists");
        fill(browser, "name", "Acceptance QA");
        fill(browser, "cards", ann);
        post(browser, "/setup/test-lists");
        assertTrue(mainText(browser).contains("Acceptance QA"), mainText(browser));

        // 3. a segment of the Acceptsons, evaluated to READY
        visit(tally, browser, "/segments", "accept-segments");
        fill(browser, "name", "Acceptsons");
        post(browser, "/segments");
        String segmentPath = path();
        OfficeTestSupport.clickAndWait(browser, browser.driver().findElement(By.linkText("Add a filter: Fields (text)")));
        fill(browser, "field", "lastName");
        fill(browser, "text", "acceptson");
        postEndingWith("/add/text");
        assertTrue(mainText(browser).contains("Cards in this segment: 2 ("), mainText(browser));
        postEndingWith(segmentPath + "/evaluate");
        Await.until("the segment's snapshot is READY", Duration.ofSeconds(60), () -> {
            browser.open(OfficeTestSupport.url(tally, segmentPath));
            return browser.driver().findElements(By.xpath("//table[starts-with(caption, 'Snapshots')]/tbody/tr[1]/td"))
                    .stream().anyMatch(td -> td.getText().strip().equals("READY"));
        });
        check(browser, "accept-segment-ready");

        visit(tally, browser, "/communications/sends", "accept-sends");
        String winter = draft("Winter to the Acceptsons", Optional.of(segmentPath.replace("/segments/", "")));
        chooseText("testList", "Acceptance QA");
        postEndingWith("/test");
        MimeMessage test = awaitMail(m -> subject(m).startsWith("[TEST]"));
        assertEquals("[TEST] Ann, your winter offers", subject(test));
        assertTrue(html(test).contains("Hi Ann, you have 25 points.") && html(test).contains(image), html(test));
        check(browser, "accept-tested");

        // 3. scheduled (a day ahead, then its time made to pass), started by the job, mailed by the mailer
        queueTomorrow();
        check(browser, "accept-queued");

        // 4. another send, queued for later and cancelled
        visit(tally, browser, "/communications/sends", "accept-sends-2");
        String spring = draft("Spring to everyone", Optional.empty());
        fill(browser, "sendAt", "2099-01-01 09:00");
        postEndingWith("/schedule");
        postEndingWith("/cancel");
        assertTrue(mainText(browser).contains("cancelled"), mainText(browser));
        check(browser, "accept-cancelled");

        Send sent;
        try (var dynamo = LocalDynamo.client(tally.endpoints().dynamoEndpoint())) {
            DynamoStorage storage = new DynamoStorage(dynamo, tally.endpoints().tableName());
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            makeDue(storage, winter);
            Send cancelled = storage.sends().find(DEMO, spring).orElseThrow();
            assertEquals(SendStatus.CANCELLED, cancelled.status());
            assertTrue(storage.sends().update(new Send(DEMO, spring, cancelled.name(), cancelled.template(),
                    cancelled.templateVersion(), cancelled.list(), cancelled.segment(), cancelled.channel(),
                    Optional.of(now.minusSeconds(1)), cancelled.portalUrl(), SendStatus.CANCELLED, cancelled.snapshot(),
                    cancelled.rate(), cancelled.progress(), cancelled.error(), now, "it", cancelled.version() + 1)),
                    "the cancelled send's time has passed too");

            String report = tally.runJob(ScheduledSendsTask.NAME);
            assertTrue(report.contains("1 sends started"), report);
            Await.until("the send is SENT", Duration.ofSeconds(30),
                    () -> storage.sends().find(DEMO, winter).orElseThrow().status() == SendStatus.SENT);
            sent = storage.sends().find(DEMO, winter).orElseThrow();
            assertEquals(SendStatus.CANCELLED, storage.sends().find(DEMO, spring).orElseThrow().status());
        }
        assertEquals(2, sent.progress().queued(), "Ann and Ben; Cy is not in the segment: " + sent.progress());
        String mailing = sent.mailing();
        Await.until("Ann's and Ben's e-mails arrived", Duration.ofSeconds(30), () -> mailed(mailing).size() == 2);
        List<MimeMessage> mails = mailed(mailing);
        assertEquals(List.of("ann.accept@example.test", "ben.accept@example.test"),
                mails.stream().map(CommunicationsAcceptanceBrowserIT::to).sorted().toList(), "one each, none for Cy");
        assertTrue(mailed("send-" + spring).isEmpty(), "the cancelled send sent nothing");
        assertTrue(received().stream().noneMatch(m -> to(m).equals("cy.accept@example.test")), "Cy got nothing");
        MimeMessage annMail = mails.stream().filter(m -> to(m).startsWith("ann")).findFirst().orElseThrow();
        MimeMessage benMail = mails.stream().filter(m -> to(m).startsWith("ben")).findFirst().orElseThrow();
        String annHtml = html(annMail);
        assertTrue(annHtml.contains("Hi Ann, you have 25 points.") && annHtml.contains(image), annHtml);
        assertTrue(html(benMail).contains("Hi Ben, you have 40 points."), html(benMail));
        String unsubscribe = annMail.getHeader("List-Unsubscribe", ", ");
        assertTrue(unsubscribe != null && unsubscribe.contains("/portal/DEMO/unsubscribe?t="), unsubscribe);
        List<String> tracked = tracked(annHtml);
        String open = tracked.stream().filter(u -> u.contains("/o?t=")).findFirst().orElseThrow(() ->
                new AssertionError("no tracking image: " + annHtml));
        String click = tracked.stream().filter(u -> u.contains("/c?t=")).findFirst().orElseThrow(() ->
                new AssertionError("no tracked link: " + annHtml));

        // 5. Ann opens and clicks; SES reports both delivered, Ben's address bounced hard, Ann complained
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<byte[]> pixel = http.send(HttpRequest.newBuilder(URI.create(open)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pixel.statusCode());
        assertEquals("image/gif", pixel.headers().firstValue("content-type").orElse(""));
        HttpResponse<Void> redirect = http.send(HttpRequest.newBuilder(URI.create(click)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(302, redirect.statusCode());
        assertEquals(ORIGINAL, redirect.headers().firstValue("location").orElse(""));

        try (var sqs = LocalSqs.client(tally.endpoints().sqsEndpoint())) {
            String queue = tally.endpoints().queueUrlEnvironment().get(QueueId.DELIVERY_EVENTS.urlEnvironmentVariable());
            for (String body : List.of(recorded("delivery.json", annMail), recorded("delivery.json", benMail),
                    recorded("bounce-permanent.json", benMail), recorded("complaint.json", annMail))) {
                sqs.sendMessage(r -> r.queueUrl(queue).messageBody(body));
            }
        }

        // 6. the statistics moved: delivered 2, one unique open, one unique click, one hard bounce, one spam report
        Await.until("the delivery events are counted", Duration.ofSeconds(30), () -> {
            browser.open(OfficeTestSupport.url(tally, "/communications/statistics?mailing=" + mailing));
            List<String> cells = figures(mailing);
            return cells.size() > 9 && cells.get(8).equals("1") && cells.get(6).equals("1");
        });
        check(browser, "accept-statistics");
        List<String> cells = figures(mailing);
        assertEquals(List.of("2", "1", "1", "1", "0", "1"), List.of(cells.get(1), cells.get(3), cells.get(5),
                cells.get(6), cells.get(7), cells.get(8)),
                "delivered, unique opens, unique clicks, spam reports, soft and hard bounces: " + cells);
        try (var dynamo = LocalDynamo.client(tally.endpoints().dynamoEndpoint())) {
            DynamoStorage storage = new DynamoStorage(dynamo, tally.endpoints().tableName());
            assertEquals(Optional.of(false), storage.preferences().load(DEMO, ContactKey.email("ann.accept@example.test"))
                    .flatMap(p -> p.choice("offers")), "the complaint took Ann off the list");
            assertTrue(storage.bouncedAddresses().find(DEMO, "ben.accept@example.test"));
        }

        // 7. Ann buys within the week after the mailing: its revenue, all SKU tags, then only the demo's "coffee" tag
        MerchantClient.ok(demo.call("checkout", "{\"cardNumber\": \"" + ann + "\", \"products\": [{\"sku\": \"LATTE\", "
                + "\"amountPurchased\": 2, \"unitPrice\": 4.50}, {\"sku\": \"BAGEL\", \"unitPrice\": 3.25}, "
                + "{\"sku\": \"WATER\", \"unitPrice\": 1.10}]}"));
        Await.until("the checkout's revenue is on the page", Duration.ofSeconds(30), () -> {
            browser.open(OfficeTestSupport.url(tally, "/communications/statistics?mailing=" + mailing));
            return revenue().equals("13.35");
        });
        assertTrue(browser.driver().findElements(By.cssSelector(".notice.error")).isEmpty(),
                "no period in the URL: the last 90 days, without a message: " + mainText(browser));
        chooseText("skutag", "coffee");
        OfficeTestSupport.clickAndWait(browser, browser.driver().findElement(
                By.cssSelector("form.filters button[type=submit]")));
        assertTrue(browser.driver().getCurrentUrl().contains("skutag=coffee"), browser.driver().getCurrentUrl());
        assertEquals("9.00", revenue(), "the two lattes only");
        assertEquals("9.00", figures(mailing).get(figures(mailing).size() - 1), "the mailing's row too");
        check(browser, "accept-statistics-coffee");
        browser.open(OfficeTestSupport.url(tally, "/communications/statistics?mailing=" + mailing + "&skutag=tea"));
        assertTrue(mainText(browser).contains("\"tea\" is not one of the brand's SKU tags"), mainText(browser));
        assertEquals("13.35", revenue(), "an unknown tag: all SKU tags shown");
        check(browser, "accept-statistics-unknown-tag");
        // the channel: the mailing went out by e-mail, so the SMS channel shows none of its figures or revenue
        browser.open(OfficeTestSupport.url(tally, "/communications/statistics?mailing=" + mailing));
        chooseText("channel", "SMS");
        OfficeTestSupport.clickAndWait(browser, browser.driver().findElement(
                By.cssSelector("form.filters button[type=submit]")));
        assertTrue(browser.driver().getCurrentUrl().contains("channel=sms"), browser.driver().getCurrentUrl());
        assertEquals("Not available yet", revenue(), "no text of the mailing was attributed");
        assertTrue(figures(mailing).isEmpty(), "an e-mail's figures are not the SMS channel's: " + figures(mailing));
        check(browser, "accept-statistics-sms");
        browser.open(OfficeTestSupport.url(tally, "/communications/statistics?mailing=" + mailing + "&channel=email"));
        assertEquals("13.35", revenue(), "the e-mail channel: the mailing's revenue");

        // a later send to the whole list: Ann left it by her complaint, Ben's address is a bounce drop, Cy gets it
        visit(tally, browser, "/communications/sends", "accept-sends-3");
        String reminder = draft("Reminder to everyone", Optional.empty());
        queueTomorrow();
        try (var dynamo = LocalDynamo.client(tally.endpoints().dynamoEndpoint())) {
            DynamoStorage storage = new DynamoStorage(dynamo, tally.endpoints().tableName());
            makeDue(storage, reminder);
            assertTrue(tally.runJob(ScheduledSendsTask.NAME).contains("1 sends started"));
            Await.until("the reminder is SENT", Duration.ofSeconds(30),
                    () -> storage.sends().find(DEMO, reminder).orElseThrow().status() == SendStatus.SENT);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Await.until("Ben's bounce drop is counted", Duration.ofSeconds(30), () -> storage.deliveryStats()
                    .load(DEMO, today.minusDays(1), today.plusDays(1)).stream()
                    .filter(r -> r.counter().mailing().equals("send-" + reminder) && r.counter().location().isEmpty())
                    .mapToLong(r -> r.figures().bounceDrops()).sum() == 1);
        }
        Await.until("Cy's reminder arrived", Duration.ofSeconds(30), () -> mailed("send-" + reminder).size() == 1);
        assertEquals(List.of("cy.accept@example.test"), mailed("send-" + reminder).stream()
                .map(CommunicationsAcceptanceBrowserIT::to).toList(), "neither Ann (unsubscribed) nor Ben (bounced)");
    }

    /** Queues the send the page shows for this time tomorrow (in any brand's time zone a time to come). */
    private static void queueTomorrow() {
        fill(browser, "sendAt", LocalDateTime.now(ZoneOffset.UTC).plusDays(1)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        postEndingWith("/schedule");
        assertTrue(mainText(browser).contains("queued"), mainText(browser));
    }

    /** Lets a queued send's time pass: the same send, queued a second ago (as the job finds it once the time came). */
    private static void makeDue(DynamoStorage storage, String id) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Send queued = storage.sends().find(DEMO, id).orElseThrow();
        assertTrue(storage.sends().update(queued.queued(queued.templateVersion(), now.minusSeconds(1),
                queued.portalUrl().orElseThrow(), now, "it")));
    }

    /** A card of the demo loyalty set with its customer and a points balance; answers its number. */
    private static String member(MerchantClient demo, String first, String last, String email, int points) {
        String card = MerchantClient.ok(demo.call("allocate", "{\"cardSetId\": \"LOYAL01\"}")).get("cardNumber").asText();
        MerchantClient.ok(demo.call("updateAccount", "{\"cardNumber\": \"" + card + "\", \"primaryCustomer\": "
                + "{\"firstName\": \"" + first + "\", \"lastName\": \"" + last + "\", \"email\": \"" + email + "\"}}"));
        MerchantClient.ok(demo.call("updateBalance", "{\"cardNumber\": \"" + card + "\", \"action\": \"issue\","
                + " \"amount\": {\"balanceType\": \"Points\", \"amount\": " + points + "}}"));
        return card;
    }

    /** Creates a draft of the acceptance template to the offers list on the sends page; answers its id. */
    private static String draft(String name, Optional<String> segment) {
        fill(browser, "name", name);
        chooseText("template", "Winter acceptance");
        new Select(browser.driver().findElement(By.name("list"))).selectByValue("offers");
        segment.ifPresent(s -> new Select(browser.driver().findElement(By.name("segment"))).selectByValue(s));
        post(browser, "/communications/sends");
        assertTrue(mainText(browser).contains("Send " + name) && mainText(browser).contains("draft"), mainText(browser));
        check(browser, "accept-draft-" + name.split(" ")[0].toLowerCase());
        return path().replace("/communications/sends/", "");
    }

    /** Chooses the option of the select {@code name} whose label contains {@code text}. */
    private static void chooseText(String name, String text) {
        Select select = new Select(browser.driver().findElement(By.name(name)));
        WebElement option = select.getOptions().stream().filter(o -> o.getText().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no option " + text + " in " + name));
        select.selectByValue(option.getAttribute("value"));
    }

    /** The admin path the browser shows, without its query. */
    private static String path() {
        return browser.driver().getCurrentUrl().replaceAll("^.*/admin", "").replaceAll("\\?.*$", "");
    }

    /** Submits the page's form whose action contains {@code action} (before its version query). */
    private static void postEndingWith(String action) {
        OfficeTestSupport.clickAndWait(browser, browser.driver().findElement(By.cssSelector(
                "form[action*='" + action + "'] button[type=submit]")));
    }

    /** The page's total revenue as shown. */
    private static String revenue() {
        return browser.driver().findElement(By.id("total-revenue")).getText().strip();
    }

    /** The cells of the per-mailing table's row for {@code mailing}: send requests first. */
    private static List<String> figures(String mailing) {
        for (WebElement row : browser.driver().findElements(By.cssSelector("#by-mailing tbody tr"))) {
            List<WebElement> th = row.findElements(By.tagName("th"));
            if (!th.isEmpty() && th.get(0).getText().contains(mailing)) {
                return row.findElements(By.tagName("td")).stream().map(td -> td.getText().strip()).toList();
            }
        }
        return List.of();
    }

    /** A recorded SES document made this message's: its id, recipient, tags and now for every timestamp. */
    private static String recorded(String name, MimeMessage mail) throws Exception {
        String messageId = "0100018c2f3a1b2c-" + UUID.randomUUID() + "-000000";
        String location = mail.getHeader(MailingHeaders.LOCATION, ",");
        String tags = "\\\"tally-brand\\\":[\\\"DEMO\\\"],\\\"tally-list\\\":[\\\"" + tag(mail.getHeader(MailingHeaders.LIST,
                ",")) + "\\\"],\\\"tally-mailing\\\":[\\\"" + tag(mail.getHeader(MailingHeaders.MAILING, ","))
                + "\\\"]" + (location == null ? "" : ",\\\"tally-location\\\":[\\\"" + tag(location) + "\\\"]");
        return Files.readString(RECORDED.resolve(name))
                .replaceAll("\"MessageId\": \"[^\"]+\"", "\"MessageId\": \"" + UUID.randomUUID() + "\"")
                .replaceAll("0100018c2f3a1b2c-5e6f7a8b-[0-9a-f-]+-000000", messageId)
                .replaceAll("(recipient|gone)@example\\.com", to(mail))
                .replaceAll("\\\\\"tally-brand\\\\\".*\\\\\"tally-location\\\\\":\\[\\\\\"L1\\\\\"\\]",
                        Matcher.quoteReplacement(tags))
                .replaceAll("2025-01-01T\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z",
                        Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
    }

    /** A tag value as SES carries it ({@code _} as {@code _u}, {@code .} as {@code _d}). */
    private static String tag(String value) {
        return value.replace("_", "_u").replace(".", "_d");
    }

    private static List<MimeMessage> received() {
        return tally.mail().received();
    }

    private static List<MimeMessage> mailed(String mailing) {
        return received().stream().filter(m -> mailing.equals(header(m, MailingHeaders.MAILING))).toList();
    }

    private static MimeMessage awaitMail(Predicate<MimeMessage> which) {
        List<MimeMessage> found = new ArrayList<>();
        Await.until("the e-mail arrived", Duration.ofSeconds(15), () -> {
            received().stream().filter(m -> {
                try {
                    return which.test(m);
                } catch (RuntimeException unreadable) {
                    return false;
                }
            }).findFirst().ifPresent(found::add);
            return !found.isEmpty();
        });
        return found.get(0);
    }

    private static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, ",");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString().replaceAll(".*<|>.*", "");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message's HTML part. */
    private static String html(Part part) {
        try {
            if (part.isMimeType("text/html")) {
                return part.getContent().toString();
            }
            if (part.getContent() instanceof MimeMultipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String html = html(multipart.getBodyPart(i));
                    if (!html.isEmpty()) {
                        return html;
                    }
                }
            }
            return "";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> tracked(String html) {
        Matcher m = TRACKED.matcher(html);
        List<String> urls = new ArrayList<>();
        while (m.find()) {
            urls.add(m.group(1).replace("&amp;", "&"));
        }
        return urls;
    }

    private static void png(Path file) throws Exception {
        BufferedImage image = new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 120; x++) {
            image.setRGB(x, x % 40, 0x2266aa);
        }
        ImageIO.write(image, "png", file.toFile());
    }
}
