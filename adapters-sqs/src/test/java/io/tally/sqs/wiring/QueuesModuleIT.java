package io.tally.sqs.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tally.domain.email.EmailKind;
import io.tally.domain.email.EmailMessage;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.tenant.BrandId;
import io.tally.sqs.email.EmailJson;
import io.tally.sqs.event.EventJson;
import io.tally.sqs.event.LargestEvents;
import io.tally.sqs.json.SqsCharacters;
import io.tally.sqs.json.WireJson;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/** The shared module's queues against the SQS protocol (embedded ElasticMQ on 127.0.0.1). */
class QueuesModuleIT {
    private static SQSRestServer server;
    private static URI endpoint;

    @BeforeAll
    static void startSqs() {
        server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().withAWSRegion("us-east-1")
                .withAWSAccountId("000000000000").start();
        endpoint = URI.create("http://127.0.0.1:" + server.waitUntilStarted().localAddress().getPort());
    }

    @AfterAll
    static void stopSqs() {
        server.stopAndWait();
    }

    @Test
    void events_go_out_in_batches_of_ten_and_arrive_in_the_wire_form() {
        TestContainer container = container("events-a", Optional.empty());
        String url = queueUrl(container.sqs(), "events-a");
        List<DomainEvent> events = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            events.add(new DomainEvent("e-" + i, "card.issued", new BrandId("ACME"), Instant.parse("2026-12-01T10:00:00Z"),
                    Map.of("n", Integer.toString(i))));
        }

        container.events().publish(events);

        EventJson json = new EventJson(new WireJson());
        Set<DomainEvent> received = new HashSet<>();
        drain(container.sqs(), url, 23).forEach(m -> received.add(json.read(m.body())));
        assertEquals(new HashSet<>(events), received);
    }

    @Test
    void ten_of_the_largest_events_arrive_whole() {
        TestContainer container = container("events-e", Optional.empty());
        String url = queueUrl(container.sqs(), "events-e");
        List<DomainEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(i % 2 == 0 ? LargestEvents.checkout(i) : LargestEvents.recorded(i));
        }

        container.events().publish(events);

        EventJson json = new EventJson(new WireJson());
        Set<DomainEvent> received = new HashSet<>();
        drain(container.sqs(), url, 10).forEach(m -> received.add(json.read(m.body())));
        assertEquals(new HashSet<>(events), received);
    }

    @Test
    void an_event_whose_text_holds_characters_sqs_refuses_arrives_with_unpaired_surrogates_replaced() {
        TestContainer container = container("events-f", Optional.empty());
        String url = queueUrl(container.sqs(), "events-f");
        String sku = SqsCharacters.HOSTILE;
        List<DomainEvent> events = List.of(new DomainEvent("e-odd", "ledger.checkout", new BrandId("ACME"),
                Instant.parse("2026-12-01T10:00:00Z"), Map.of("skuamount." + sku, "7.50", "note", sku)),
                new DomainEvent("e-plain", "card.issued", new BrandId("ACME"), Instant.parse("2026-12-01T10:00:01Z"),
                        Map.of("n", "1")));

        container.events().publish(events);

        EventJson json = new EventJson(new WireJson());
        Set<DomainEvent> received = new HashSet<>();
        drain(container.sqs(), url, 2).forEach(m -> received.add(json.read(m.body())));
        String read = SqsCharacters.HOSTILE_READ;
        assertEquals(Set.of(new DomainEvent("e-odd", "ledger.checkout", new BrandId("ACME"),
                Instant.parse("2026-12-01T10:00:00Z"), Map.of("skuamount." + read, "7.50", "note", read)), events.get(1)),
                received);
    }

    @Test
    void an_email_whose_merge_fields_hold_characters_sqs_refuses_arrives_with_unpaired_surrogates_replaced() {
        TestContainer container = container("events-g", Optional.of("emails-g"));
        String url = queueUrl(container.sqs(), "emails-g");
        queueUrl(container.sqs(), "events-g");
        EmailMessage message = new EmailMessage("welcome-2", new BrandId("ACME"), EmailKind.WELCOME, "ann@example.com",
                "transactional", Map.of("firstName", SqsCharacters.HOSTILE));

        container.outbox().enqueue(message);

        EmailMessage read = new EmailMessage("welcome-2", new BrandId("ACME"), EmailKind.WELCOME, "ann@example.com",
                "transactional", Map.of("firstName", SqsCharacters.HOSTILE_READ));
        assertEquals(List.of(read), drain(container.sqs(), url, 1).stream().map(m -> new EmailJson().read(m.body())).toList());
    }

    @Test
    void an_email_is_queued_on_the_email_queue() {
        TestContainer container = container("events-b", Optional.of("emails-b"));
        String url = queueUrl(container.sqs(), "emails-b");
        queueUrl(container.sqs(), "events-b");
        EmailMessage message = new EmailMessage("welcome-1", new BrandId("ACME"), EmailKind.WELCOME, "ann@example.com",
                "transactional", Map.of("last4", "0007"));

        container.outbox().enqueue(message);

        assertEquals(List.of(message), drain(container.sqs(), url, 1).stream().map(m -> new EmailJson().read(m.body())).toList());
    }

    @Test
    void a_container_without_an_email_queue_refuses_to_build_an_outbox() {
        TestContainer container = container("events-c", Optional.empty());

        assertThrows(IllegalStateException.class, container::outbox);
    }

    @Test
    void one_random_source_per_container_created_on_first_use() {
        TestContainer container = container("events-d", Optional.empty());

        assertSame(container.secureRandom(), container.random());
        assertFalse(container.secureRandom().created());
    }

    private static TestContainer container(String eventsQueue, Optional<String> emailsQueue) {
        ContainerSettings settings = new ContainerSettings("us-east-1", Optional.of(URI.create("http://127.0.0.1:1")),
                Optional.of(endpoint), endpoint + "/000000000000/" + eventsQueue,
                emailsQueue.map(q -> endpoint + "/000000000000/" + q));
        return DaggerTestContainer.factory().create(settings);
    }

    private static String queueUrl(SqsClient sqs, String name) {
        return sqs.createQueue(CreateQueueRequest.builder().queueName(name).build()).queueUrl();
    }

    private static List<Message> drain(SqsClient sqs, String url, int expected) {
        List<Message> all = new ArrayList<>();
        for (int round = 0; round < 20 && all.size() < expected; round++) {
            all.addAll(sqs.receiveMessage(ReceiveMessageRequest.builder().queueUrl(url).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).build()).messages());
        }
        return all;
    }
}
