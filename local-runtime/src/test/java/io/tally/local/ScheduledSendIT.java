package io.tally.local;

import static io.tally.local.MerchantClient.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.communication.EmailTemplate;
import io.tally.domain.communication.send.Send;
import io.tally.domain.communication.send.SendChannel;
import io.tally.domain.communication.send.SendProgress;
import io.tally.domain.communication.send.SendStatus;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.PreferencesPort.Choice;
import io.tally.domain.member.PreferencesPort.Source;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.dynalite.LocalDynamo;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.lambda.jobs.ScheduledSendsTask;
import io.tally.lambda.topology.QueueId;
import io.tally.local.mail.LocalMail;
import io.tally.local.portal.PortalTestSupport;
import io.tally.local.sqs.LocalSqs;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A scheduled send on the local platform (dynalite, ElasticMQ, the jobs function, the mailer, the e-mail sender, SMTP
 * into GreenMail): started by the {@code scheduled-sends} job, fanned out over the brand's cards, each subscribed
 * member mailed once with the template's merge fields and the one-click unsubscribe header; the member who left the
 * list and the card without an e-mail get nothing; a second run of the job sends nothing more.
 */
class ScheduledSendIT {
    private static final BrandId DEMO = new BrandId("DEMO");

    @Test
    void a_scheduled_send_reaches_each_subscribed_member_once_rendered_with_its_unsubscribe_header() throws Exception {
        try (LocalTally tally = PortalTestSupport.start("scheduled-send-it");
             SqsClient sqs = LocalSqs.client(tally.endpoints().sqsEndpoint());
             var dynamo = LocalDynamo.client(tally.endpoints().dynamoEndpoint())) {
            DynamoStorage storage = new DynamoStorage(dynamo, tally.endpoints().tableName());
            MerchantClient demo = MerchantClient.demo(tally);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            String ann = member(demo, "Ann", "ann.send@example.test");
            String ben = member(demo, "Ben", "ben.send@example.test");
            member(demo, "Cy", "cy.send@example.test"); // never chose: the opt-in list is off for Cy
            String noMail = member(demo, "Dee", null);
            storage.preferences().choose(DEMO, ContactKey.email("ann.send@example.test"), new Choice("offers", true, now,
                    Source.PAGE));
            storage.preferences().choose(DEMO, ContactKey.email("ben.send@example.test"), new Choice("offers", false, now,
                    Source.UNSUBSCRIBE_LINK));
            storage.templates().create(new EmailTemplate(DEMO, "tplit", "December", "Hi {{customer.firstName}}",
                    "<p>Hi {{customer.firstName}}, card {{card.lastFour}}. <a href=\"{{link.unsubscribe}}\">Leave</a></p>",
                    "Hi {{customer.firstName}}, card {{card.lastFour}}. Leave: {{link.unsubscribe}}", now, "it", 1));
            String portal = tally.endpoints().baseUrl() + "/portal/DEMO";
            Send draft = new Send(DEMO, "it-send-1", "December news", "tplit", 0, "offers", Optional.empty(),
                    SendChannel.EMAIL, Optional.empty(), Optional.empty(), SendStatus.DRAFT, Optional.empty(), 14,
                    SendProgress.NONE, Optional.empty(), now, "it", 1);
            assertTrue(storage.sends().create(draft));
            assertTrue(storage.sends().update(draft.queued(1, now.minusSeconds(1), portal, now, "it")));

            assertTrue(tally.runJob(ScheduledSendsTask.NAME).contains("1 sends started"));
            Send sent = awaitStatus(storage, SendStatus.SENT);
            assertEquals(3, sent.progress().queued(), "Ann, Ben, Cy queued (the sender drops the unsubscribed)");
            assertEquals(1, sent.progress().skipped(), "Dee has no e-mail");
            assertTrue(tally.runJob(ScheduledSendsTask.NAME).contains("0 sends started"));

            LocalMail.Captured mail = PortalTestSupport.awaitMail(tally, m -> m.to().contains("ann.send@example.test"));
            awaitDrained(sqs, tally.endpoints().queueUrlEnvironment().get(QueueId.EMAILS.urlEnvironmentVariable()));
            assertEquals("Hi Ann", mail.subject());
            String header = mail.headers().get("List-Unsubscribe");
            assertTrue(header.startsWith("<" + portal + "/unsubscribe?t="), header);
            assertEquals("List-Unsubscribe=One-Click", mail.headers().get("List-Unsubscribe-Post"));
            String link = header.substring(1, header.indexOf('>'));
            assertTrue(mail.text().contains("Hi Ann, card " + ann.substring(ann.length() - 4) + ". Leave: " + link),
                    mail.text());
            List<String> to = tally.mail().messages().stream().map(LocalMail.Captured::to)
                    .filter(t -> t.contains(".send@example.test")).toList();
            assertEquals(List.of("ann.send@example.test"), to.stream().map(t -> t.replaceAll(".*<|>.*", "")).toList(),
                    "Ann once; Ben left the list, Cy never joined it: " + to + " (" + ben + ", " + noMail + ")");
        }
    }

    private static String member(MerchantClient demo, String firstName, String email) {
        return member(demo, firstName, "email", email);
    }

    /** A handed-out card whose primary customer has the first name and the contact field (none if null). */
    static String member(MerchantClient demo, String firstName, String field, String value) {
        String card = ok(demo.call("allocate", "{\"cardSetId\": \"LOYAL01\"}")).get("cardNumber").asText();
        ok(demo.call("updateAccount", "{\"cardNumber\": \"" + card + "\", \"primaryCustomer\": {\"firstName\": \""
                + firstName + "\"" + (value == null ? "" : ", \"" + field + "\": \"" + value + "\"") + "}}"));
        return card;
    }

    /** Waits (bounded) for the send's status. */
    private static Send awaitStatus(DynamoStorage storage, SendStatus status) throws InterruptedException {
        return awaitStatus(storage, "it-send-1", status);
    }

    /** Waits (bounded) for the send's status. */
    static Send awaitStatus(DynamoStorage storage, String id, SendStatus status) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Send s = null;
        while (Instant.now().isBefore(deadline)) {
            s = storage.sends().find(DEMO, id).orElseThrow();
            if (s.status() == status) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the send is still " + s);
    }

    /** Waits (bounded) until the queue holds no message, visible or in flight: every message was handled. */
    static void awaitDrained(SqsClient sqs, String queueUrl) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            Map<QueueAttributeName, String> a = sqs.getQueueAttributes(GetQueueAttributesRequest.builder()
                    .queueUrl(queueUrl).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE).build()).attributes();
            if ("0".equals(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    && "0".equals(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the queue did not drain: " + queueUrl);
    }
}
