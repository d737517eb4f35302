package io.tally.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardStatus;
import io.tally.domain.card.Customer;
import io.tally.domain.communication.EmailTemplate;
import io.tally.domain.communication.TemplateMail;
import io.tally.domain.communication.rule.Rule;
import io.tally.domain.communication.rule.Trigger;
import io.tally.domain.contract.PortalTestData;
import io.tally.domain.email.EmailMessage;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.lambda.topology.QueueId;
import io.tally.lambda.wiring.Settings;
import io.tally.lambda.wiring.TallyComponent;
import io.tally.local.sqs.LocalQueues;
import io.tally.local.testing.LocalServers;
import io.tally.local.testing.LocalServersExtension;
import io.tally.portal.wiring.PortalSettings;
import io.tally.sqs.email.EmailJson;
import io.tally.sqs.event.EventJson;
import io.tally.sqs.event.SqsEventPublisher;
import io.tally.sqs.json.WireJson;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * A welcome-series rule through the real queues (ElasticMQ) and table (dynalite): an enrollment's event published twice
 * (a redelivery) and consumed by the events consumer's graph queues the rule's template mail under one message id
 * ({@code rule-<rule>-<event id>}), which the e-mail sender's claim sends once; a rule with a delay keeps its send as a
 * due item until the rule-sends job queues it.
 */
@ExtendWith(LocalServersExtension.class)
class RuleFiringIT {
    @Test
    void an_enrollment_delivered_twice_fires_the_welcome_rule_once(LocalServers servers) {
        LocalQueues queues = servers.freshQueues(1);
        String events = queues.get(QueueId.EVENTS).url();
        String emails = queues.get(QueueId.EMAILS).url();
        Settings settings = Settings.local(servers.tableName(), events, servers.dynalite().endpoint(),
                servers.elasticMq().endpoint());
        PortalSettings portal = new PortalSettings(servers.tableName(), events, emails,
                Optional.of(servers.dynalite().endpoint()), Optional.of(servers.elasticMq().endpoint()), "us-east-1",
                Optional.of(LocalTally.LOCAL_PORTAL_SECRET), Optional.of(Settings.LOCAL_SEAL_SECRET), Optional.empty(), 25,
                Optional.of("https://members.example.test"));
        TallyComponent tally = TallyComponent.create(settings, portal);
        DynamoStorage storage = new DynamoStorage(servers.dynamo(), servers.tableName());
        BrandId brand = new BrandId("RULES" + UUID.randomUUID().toString().substring(0, 6).toUpperCase());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        storage.portalConfigs().save(PortalTestData.config(brand, new CardSetId("set-1"), ValueTypeKey.points()));
        storage.templates().create(new EmailTemplate(brand, "welcome", "Welcome", "Welcome {{customer.firstName}}",
                "<p>Hi</p>", "Hi", now, "it", 1));
        storage.rules().create(new Rule(brand, "w1", "Welcome series 1", new Trigger.Enrollment(), "welcome", "account",
                Duration.ZERO, true, now, "it", 1));
        storage.rules().create(new Rule(brand, "w2", "Welcome series 2", new Trigger.Enrollment(), "welcome", "news",
                Duration.ofDays(3), true, now, "it", 1));
        CardNumber card = card();
        storage.cards().create(new Card(brand, card, new ProgramId("gift"), new CardSetId("set-1"), Optional.empty(),
                CardStatus.ACTIVE, Optional.empty(), Optional.of(new Customer("Ann", "Lee", "ann.rules@example.test", "", "",
                "", "", "", "", "", LocalDate.of(1990, 5, 4), "")), Optional.empty(), Map.of(), Map.of(), Map.of(),
                Optional.of(now), Optional.of(now), 1));

        DomainEvent enrolled = new DomainEvent("enroll-" + brand.value() + "-" + card.value(), "member.enrolled", brand,
                now, Map.of("cardNumber", card.value(), "cardSet", "set-1"));
        EventJson json = new EventJson(new WireJson());
        SqsEventPublisher publisher = new SqsEventPublisher(servers.sqs(), events, json);
        publisher.publish(List.of(enrolled));
        publisher.publish(List.of(enrolled)); // delivered twice
        List<Message> delivered = drain(servers.sqs(), events, 2);
        SQSEvent batch = new SQSEvent();
        batch.setRecords(delivered.stream().map(RuleFiringIT::record).toList());
        assertTrue(tally.eventsConsumer().consume(batch).getBatchItemFailures().isEmpty());

        List<EmailMessage> queued = drain(servers.sqs(), emails, 2).stream().map(m -> new EmailJson().read(m.body())).toList();
        assertEquals(2, queued.size(), "each delivery queues it; the sender's claim of the one id sends it once");
        String id = "rule-w1-" + enrolled.id();
        for (EmailMessage m : queued) {
            TemplateMail mail = TemplateMail.of(m).orElseThrow();
            assertEquals(id, m.id());
            assertEquals("rule-w1", mail.mailing());
            assertEquals(1, mail.version());
            assertEquals(card, mail.card());
            assertEquals("ann.rules@example.test", m.to());
            assertEquals("account", m.list());
        }
        var due = storage.dueRuleMails().due(now.plus(Duration.ofDays(4)), 100).stream()
                .filter(d -> d.brand().equals(brand)).toList();
        assertEquals(1, due.size(), "the delayed rule waits as one item, however often it fired");
        assertEquals("rule-w2-" + enrolled.id(), due.get(0).messageId());
        assertEquals(now.plus(Duration.ofDays(3)), due.get(0).dueAt());
    }

    private static CardNumber card() {
        String payload = "60" + String.format("%016d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(),
                10_000_000_000_000_000L));
        return new CardNumber(payload + CardNumber.luhnCheckDigit(payload));
    }

    private static SQSEvent.SQSMessage record(Message m) {
        SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
        r.setMessageId(m.messageId());
        r.setBody(m.body());
        return r;
    }

    /** Receives until {@code n} messages are in hand (ElasticMQ answers at once; a few rounds at most). */
    private static List<Message> drain(SqsClient sqs, String url, int n) {
        List<Message> got = new ArrayList<>();
        for (int round = 0; round < 20 && got.size() < n; round++) {
            got.addAll(sqs.receiveMessage(ReceiveMessageRequest.builder().queueUrl(url).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).build()).messages());
        }
        return got;
    }
}
