package io.tally.local;

import static io.tally.local.MerchantClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.domain.card.CardNumber;
import io.tally.domain.communication.CardMailing;
import io.tally.domain.communication.EmailTemplate;
import io.tally.domain.communication.send.Send;
import io.tally.domain.communication.send.SendChannel;
import io.tally.domain.communication.send.SendPage;
import io.tally.domain.communication.send.SendProgress;
import io.tally.domain.communication.send.SendStatus;
import io.tally.domain.delivery.DeliveryStatsPort;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.LinkTokens;
import io.tally.domain.member.PreferencesPort.Choice;
import io.tally.domain.member.PreferencesPort.Source;
import io.tally.domain.shared.SignedTokens;
import io.tally.domain.sms.SmsMessage;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.dynalite.LocalDynamo;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.lambda.jobs.ScheduledSendsTask;
import io.tally.lambda.topology.QueueId;
import io.tally.local.portal.PortalTestSupport;
import io.tally.local.sqs.LocalSqs;
import io.tally.sqs.send.SendPageJson;
import io.tally.sqs.send.SqsSendPages;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A scheduled send on the SMS channel on the local platform (dynalite, ElasticMQ, the jobs function, the mailer, the
 * SMS sender, the capture): started by the {@code scheduled-sends} job, fanned out over the brand's cards, each
 * subscribed member's phone texted once with the template's text part merged and the opt-out hint; the phone that left
 * the list (by a choice stored, or on the member pages' preferences page after joining), a national number and a card
 * without a phone get nothing; the first page delivered again and a second run of the job send nothing more. The
 * text's send request is counted once on the SMS channel and the card keeps the mailing.
 */
class SmsScheduledSendIT {
    private static final BrandId DEMO = new BrandId("DEMO");

    @Test
    void a_scheduled_sms_send_is_captured_once_per_subscribed_member() throws Exception {
        try (LocalTally tally = PortalTestSupport.start("sms-scheduled-send-it");
             SqsClient sqs = LocalSqs.client(tally.endpoints().sqsEndpoint());
             var dynamo = LocalDynamo.client(tally.endpoints().dynamoEndpoint())) {
            DynamoStorage storage = new DynamoStorage(dynamo, tally.endpoints().tableName());
            MerchantClient demo = MerchantClient.demo(tally);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            String ann = ScheduledSendIT.member(demo, "Ann", "phone", "+1 555-010-0201");
            String ben = ScheduledSendIT.member(demo, "Ben", "phone", "+15550100202");
            String cy = ScheduledSendIT.member(demo, "Cy", "phone", "020 7946 0018"); // no country: never texted
            String dee = ScheduledSendIT.member(demo, "Dee", "phone", null);
            String eve = ScheduledSendIT.member(demo, "Eve", "phone", "+15550100205");
            ok(demo.call("updateAccount", "{\"cardNumber\": \"" + eve + "\", \"primaryCustomer\": {\"firstName\": "
                    + "\"Eve\", \"email\": \"eve.sms@example.test\", \"phone\": \"+1 555 010 0205\"}}"));
            storage.preferences().choose(DEMO, ContactKey.phone("+15550100205"), new Choice("offers", true,
                    now.minusSeconds(60), Source.PAGE));
            leaveOnThePreferencesPage(tally, "eve.sms@example.test", "offers");
            assertEquals(Optional.of(false), storage.preferences().load(DEMO, ContactKey.phone("15550100205"))
                    .flatMap(p -> p.choice("offers")), "the page's later choice stands");
            storage.preferences().choose(DEMO, ContactKey.phone("+15550100201"), new Choice("offers", true, now,
                    Source.PAGE));
            storage.preferences().choose(DEMO, ContactKey.phone("+15550100202"), new Choice("offers", false, now,
                    Source.PAGE));
            storage.templates().create(new EmailTemplate(DEMO, "tplsms", "December", "Subject unused",
                    "<p>unused</p>", "Hi {{customer.firstName}}, card {{card.lastFour}}: 20% off today.", now, "it", 1));
            String portal = tally.endpoints().baseUrl() + "/portal/DEMO";
            Send draft = new Send(DEMO, "it-sms-1", "December texts", "tplsms", 0, "offers", Optional.empty(),
                    SendChannel.SMS, Optional.empty(), Optional.empty(), SendStatus.DRAFT, Optional.empty(), 14,
                    SendProgress.NONE, Optional.empty(), now, "it", 1);
            assertTrue(storage.sends().create(draft));
            assertTrue(storage.sends().update(draft.queued(1, now.minusSeconds(1), portal, now, "it")));

            assertTrue(tally.runJob(ScheduledSendsTask.NAME).contains("1 sends started"));
            Send sent = ScheduledSendIT.awaitStatus(storage, "it-sms-1", SendStatus.SENT);
            assertEquals(3, sent.progress().queued(), "Ann, Ben and Eve queued (the SMS sender drops Ben and Eve: they "
                    + "left, counted as the e-mail path counts an unsubscribed address)");
            assertEquals(2, sent.progress().skipped(), "Cy's number names no country, Dee has no phone");
            // the first page again (a duplicate delivery) and a second run of the job: nothing more
            String mailings = tally.endpoints().queueUrlEnvironment().get(QueueId.MAILINGS.urlEnvironmentVariable());
            new SqsSendPages(sqs, mailings, new SendPageJson(new ObjectMapper()))
                    .send(new SendPage(DEMO, "it-sms-1", 0, Optional.empty()), Duration.ZERO);
            assertTrue(tally.runJob(ScheduledSendsTask.NAME).contains("0 sends started"));
            ScheduledSendIT.awaitDrained(sqs, mailings);
            ScheduledSendIT.awaitDrained(sqs, tally.endpoints().queueUrlEnvironment()
                    .get(QueueId.SMS.urlEnvironmentVariable()));

            List<SmsMessage> texts = tally.sms().messages().stream().filter(m -> m.id().startsWith("sms-send-it-sms-1-"))
                    .toList();
            assertEquals(List.of("sms-send-it-sms-1-" + ann), texts.stream().map(SmsMessage::id).toList(),
                    "Ann once; not " + ben + ", " + cy + ", " + dee + ", " + eve);
            SmsMessage text = texts.get(0);
            assertEquals("+15550100201", text.to());
            assertEquals("offers", text.list());
            assertEquals("Hi Ann, card " + ann.substring(ann.length() - 4) + ": 20% off today.\nReply STOP to opt out",
                    text.text(), "a promotional text ends with its opt-out hint");
            Send after = storage.sends().find(DEMO, "it-sms-1").orElseThrow();
            assertEquals(SendStatus.SENT, after.status());
            assertEquals(3, after.progress().queued(), "the duplicate page counted nothing");
            // its send request counted once on the SMS channel, and Ann's card keeps the mailing (revenue, search)
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            List<DeliveryStatsPort.Row> rows = storage.deliveryStats().load(DEMO, today.minusDays(1), today.plusDays(1))
                    .stream().filter(r -> r.counter().mailing().equals(draft.mailing())).toList();
            assertEquals(1, rows.stream().filter(r -> r.counter().location().isEmpty())
                    .mapToLong(r -> r.figures().sendRequests()).sum(), rows.toString());
            assertTrue(rows.stream().allMatch(r -> r.counter().channel() == CardMailing.Channel.SMS), rows.toString());
            List<CardMailing> kept = storage.cardMailings().newest(DEMO, new CardNumber(ann), 10);
            assertEquals(List.of(CardMailing.Channel.SMS), kept.stream().map(CardMailing::channel).toList());
            assertEquals(draft.mailing(), kept.get(0).mailing());
        }
    }

    /**
     * Opens the preferences page from a signed link as the member's browser would, unticks the phone's box of
     * {@code list} and saves the form with every other field as the page showed it.
     */
    static void leaveOnThePreferencesPage(LocalTally tally, String email, String list) throws Exception {
        String token = new LinkTokens(SignedTokens.fromText(LocalTally.LOCAL_PORTAL_SECRET)).preferences(DEMO, email,
                Instant.now());
        String page = tally.endpoints().baseUrl() + "/portal/DEMO/preferences";
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> shown = browser.send(HttpRequest.newBuilder(URI.create(page + "?t="
                + URLEncoder.encode(token, StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, shown.statusCode(), shown.body());
        assertTrue(shown.body().contains("Text messages to •••0205"), shown.body());
        List<String> form = new ArrayList<>();
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">")
                .matcher(shown.body());
        while (hidden.find()) {
            form.add(field(hidden.group(1), hidden.group(2)));
        }
        Matcher ticked = Pattern.compile("name=\"([^\"]+)\" value=\"([^\"]+)\" checked>").matcher(shown.body());
        while (ticked.find()) {
            if (!(ticked.group(1).startsWith("text-") && ticked.group(2).equals(list))) {
                form.add(field(ticked.group(1), ticked.group(2)));
            }
        }
        HttpResponse<String> saved = browser.send(HttpRequest.newBuilder(URI.create(page))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", form))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, saved.statusCode(), saved.body());
        assertTrue(saved.body().contains("Saved."), saved.body());
    }

    private static String field(String name, String value) {
        return name + "=" + URLEncoder.encode(value.replace("&amp;", "&"), StandardCharsets.UTF_8);
    }
}
