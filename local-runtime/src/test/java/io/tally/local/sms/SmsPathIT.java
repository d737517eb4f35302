package io.tally.local.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.member.ContactKey;
import io.tally.domain.member.PreferencesPort.Choice;
import io.tally.domain.member.PreferencesPort.Source;
import io.tally.domain.sms.SmsMessage;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.dynalite.LocalDynamo;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.lambda.topology.QueueId;
import io.tally.local.LocalTally;
import io.tally.local.portal.PortalTestSupport;
import io.tally.local.sqs.LocalSqs;
import io.tally.sqs.sms.SmsJson;
import io.tally.sqs.sms.SqsSmsOutbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Texts through the local platform: queued on ElasticMQ, sent by the SMS sender function, captured to its file and
 * shown on {@code /local/sms}. A message queued twice is captured once; a phone that left the list gets nothing, nor
 * does a promotional text without its opt-out hint.
 */
class SmsPathIT {
    private static final BrandId DEMO = new BrandId("DEMO");

    @Test
    void each_text_is_captured_once_under_a_duplicate_and_never_to_a_phone_that_left_the_list() throws Exception {
        try (LocalTally tally = PortalTestSupport.start("sms-path-it");
             var sqs = LocalSqs.client(tally.endpoints().sqsEndpoint());
             var dynamo = LocalDynamo.client(tally.endpoints().dynamoEndpoint())) {
            String queue = tally.endpoints().queueUrlEnvironment().get(QueueId.SMS.urlEnvironmentVariable());
            var storage = new DynamoStorage(dynamo, tally.endpoints().tableName());
            storage.preferences().choose(DEMO, ContactKey.phone("+15550100999"),
                    new Choice("invitations", false, Instant.now(), Source.PAGE));
            var outbox = new SqsSmsOutbox(sqs, queue, new SmsJson());
            SmsMessage once = new SmsMessage("sms-send-it-1-card1", DEMO, "+15550100123", "invitations",
                    "Hi Ada <3, 20% off today.\nReply STOP to opt out");
            outbox.enqueue(once);
            outbox.enqueue(once);
            outbox.enqueue(new SmsMessage("sms-send-it-1-card2", DEMO, "+15550100999", "invitations",
                    "Hi Bob\nReply STOP to opt out"));
            outbox.enqueue(new SmsMessage("sms-send-it-1-card3", DEMO, "+15550100777", "invitations",
                    "Hi Cy\nReply STOP to opt out"));
            outbox.enqueue(new SmsMessage("sms-send-it-1-card4", DEMO, "+15550100777", "invitations", "Hi Dee"));

            awaitDrained(sqs, queue, tally, 2);
            List<String> ids = tally.sms().messages().stream().map(SmsMessage::id).sorted().toList();
            assertEquals(List.of("sms-send-it-1-card1", "sms-send-it-1-card3"), ids, "once each, none to card2, not card4's text without its hint");
            assertEquals(once, tally.sms().messages().stream().filter(m -> m.id().equals(once.id())).findFirst()
                    .orElseThrow());

            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(tally.endpoints().baseUrl() + LocalSms.PAGE)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("Hi Ada &lt;3, 20% off today."), page.body());
        }
    }

    /** Until the captures hold {@code captured} texts and the queue holds nothing, visible or in flight. */
    private static void awaitDrained(SqsClient sqs, String queue, LocalTally tally, int captured)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(GetQueueAttributesRequest.builder()
                    .queueUrl(queue).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE).build()).attributes();
            boolean empty = attributes.values().stream().allMatch("0"::equals);
            if (empty && tally.sms().messages().size() >= captured) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the SMS queue did not drain; captured: " + tally.sms().messages());
    }
}
