package io.tally.local;

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
import io.tally.domain.member.PreferencesPort.Choice;
import io.tally.domain.member.PreferencesPort.Source;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A scheduled send on the SMS channel on the local platform (dynalite, ElasticMQ, the jobs function, the mailer, the
 * SMS sender, the capture): started by the {@code scheduled-sends} job, fanned out over the brand's cards, each
 * subscribed member's phone texted once with the template's text part merged; the phone that left the list, a national
 * number and a card without a phone get nothing; the first page delivered again and a second run of the job send
 * nothing more. The text's send request is counted once on the SMS channel and the card keeps the mailing.
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
            assertEquals(2, sent.progress().queued(), "Ann and Ben queued (the SMS sender drops Ben: he left)");
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
                    "Ann once; not " + ben + ", " + cy + ", " + dee);
            SmsMessage text = texts.get(0);
            assertEquals("+15550100201", text.to());
            assertEquals("offers", text.list());
            assertEquals("Hi Ann, card " + ann.substring(ann.length() - 4) + ": 20% off today.", text.text());
            Send after = storage.sends().find(DEMO, "it-sms-1").orElseThrow();
            assertEquals(SendStatus.SENT, after.status());
            assertEquals(2, after.progress().queued(), "the duplicate page counted nothing");
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
}
