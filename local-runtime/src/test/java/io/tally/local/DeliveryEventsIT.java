package io.tally.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.delivery.DeliveryStatsPort.Row;
import io.tally.domain.delivery.Figures;
import io.tally.domain.member.ContactKey;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.dynalite.LocalDynamo;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.lambda.topology.QueueId;
import io.tally.local.portal.PortalTestSupport;
import io.tally.local.sqs.LocalSqs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Recorded SES event documents, SNS-wrapped as the topic's subscription delivers them, fed through the delivery-events
 * queue on ElasticMQ into the consumer and dynalite: each figure counted once (a Delivery arrives twice, under two SNS
 * message ids), the complaint unsubscribes, the hard bounce marks the address, SES's Open is not counted.
 */
class DeliveryEventsIT {
    private static final BrandId DEMO = new BrandId("DEMO");
    private static final Path RECORDED = Path.of("..", "member-portal", "src", "test", "resources", "ses-events");

    private static String recorded(String name) throws Exception {
        // the recordings name brand ACME and list news; the demo brand is DEMO with its promotional list invitations
        return Files.readString(RECORDED.resolve(name)).replace("ACME", "DEMO").replace("[\\\"news\\\"]",
                "[\\\"invitations\\\"]");
    }

    @Test
    void recorded_ses_events_through_the_queue_count_once_and_act() throws Exception {
        try (LocalTally tally = PortalTestSupport.start("delivery-events-it");
             var sqs = LocalSqs.client(tally.endpoints().sqsEndpoint());
             var dynamo = LocalDynamo.client(tally.endpoints().dynamoEndpoint())) {
            String queue = tally.endpoints().queueUrlEnvironment().get(QueueId.DELIVERY_EVENTS.urlEnvironmentVariable());
            String delivery = recorded("delivery.json");
            List<String> bodies = List.of(recorded("send.json"), delivery,
                    delivery.replace("00000000-0000-0000-0000-00005e5e0001", "11111111-0000-0000-0000-000000000001"),
                    recorded("open.json"), recorded("complaint.json"), recorded("bounce-permanent.json"),
                    recorded("bounce-transient.json"), recorded("delivery-delay.json"), delivery);
            for (String body : bodies) {
                sqs.sendMessage(r -> r.queueUrl(queue).messageBody(body));
            }
            var storage = new DynamoStorage(dynamo, tally.endpoints().tableName());
            Figures expected = new Figures(1, 1, 0, 0, 0, 0, 1, 1, 1, 0);
            Figures total = Figures.ZERO;
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (!total.equals(expected) && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
                total = storage.deliveryStats().load(DEMO, LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 2)).stream()
                        .filter(r -> r.counter().location().isEmpty()).map(Row::figures).reduce(Figures.ZERO, Figures::plus);
            }
            assertEquals(expected, total);
            assertEquals(Optional.of(false), storage.preferences().load(DEMO, ContactKey.email("recipient@example.com"))
                    .flatMap(p -> p.choice("invitations")), "the complaint unsubscribed");
            assertTrue(storage.bouncedAddresses().find(DEMO, "gone@example.com"));
        }
    }
}
