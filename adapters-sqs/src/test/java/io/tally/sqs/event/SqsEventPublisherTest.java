package io.tally.sqs.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.event.DomainEvent;
import io.tally.domain.tenant.BrandId;
import io.tally.sqs.batch.SendBatches;
import io.tally.sqs.batch.SqsLimitsFake;
import io.tally.sqs.json.WireJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqsEventPublisherTest {
    private static final String QUEUE = "http://sqs.local/000000000000/events";
    private final EventJson json = new EventJson(new WireJson());
    private final SqsLimitsFake sqs = new SqsLimitsFake();
    private final SqsEventPublisher publisher = new SqsEventPublisher(sqs, QUEUE, json);

    @Test
    void ten_of_the_largest_checkout_events_all_arrive_in_requests_sqs_accepts() {
        List<DomainEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(LargestEvents.checkout(i));
        }
        assertTrue(events.stream().mapToInt(this::bytes).sum() > SqsLimitsFake.SQS_MAX_BYTES,
                "ten of them are over one request's limit");

        publisher.publish(events);

        assertEquals(new HashSet<>(events), new HashSet<>(received()));
        assertEquals(10, sqs.received().size());
        assertEquals(Collections.nCopies(10, 1), sqs.requestEntries(), "two are over one request's limit");
        sqs.requestBytes().forEach(b -> assertTrue(b <= SendBatches.MAX_BYTES, b + " bytes in one request"));
    }

    @Test
    void the_largest_checkout_event_fits_a_request_with_a_fifth_of_it_to_spare() {
        int bytes = bytes(LargestEvents.checkout(0));
        System.out.printf("largest checkout event: %,d bytes (per-request limit sent: %,d; SQS's: %,d)%n", bytes,
                SendBatches.MAX_BYTES, SqsLimitsFake.SQS_MAX_BYTES);

        assertTrue(bytes < SendBatches.MAX_BYTES * 4 / 5, bytes + " bytes: the merchant API's checkout limits grew? Then an"
                + " event may no longer fit one SQS message; see docs/ARCHITECTURE.md, the events queue");
    }

    @Test
    void the_largest_recorded_event_is_smaller_than_the_largest_checkout_event() {
        int recorded = bytes(LargestEvents.recorded(0));
        System.out.printf("largest engagement.recorded event: %,d bytes%n", recorded);

        assertTrue(recorded < bytes(LargestEvents.checkout(0)), recorded + " bytes");
    }

    @Test
    void small_events_go_ten_to_a_request() {
        List<DomainEvent> events = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            events.add(new DomainEvent("e-" + i, "card.issued", new BrandId("ACME"), Instant.parse("2026-12-01T10:00:00Z"),
                    Map.of("n", Integer.toString(i))));
        }

        publisher.publish(events);

        assertEquals(List.of(10, 10, 3), sqs.requestEntries());
        assertEquals(events, received());
    }

    @Test
    void an_event_refused_once_is_sent_again_and_arrives_once() {
        List<DomainEvent> events = List.of(LargestEvents.checkout(1), LargestEvents.checkout(2));
        sqs.refuse(body -> body.contains(events.get(1).id()), 1);

        publisher.publish(events);

        assertEquals(events, received());
    }

    private List<DomainEvent> received() {
        return sqs.received().stream().map(json::read).toList();
    }

    private int bytes(DomainEvent e) {
        return json.write(e).getBytes(StandardCharsets.UTF_8).length;
    }
}
