package io.tally.backoffice.segments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tally.domain.backoffice.SetupAudit;
import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.fakes.InMemoryAuditLog;
import io.tally.domain.fakes.InMemoryCardPort;
import io.tally.domain.fakes.InMemorySegmentSnapshots;
import io.tally.domain.fakes.InMemorySegments;
import io.tally.domain.fakes.MutableClock;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.segment.BrandCardsPort;
import io.tally.domain.segment.FilterGroup;
import io.tally.domain.segment.MemberFacts;
import io.tally.domain.segment.Segment;
import io.tally.domain.segment.SegmentFilter;
import io.tally.domain.segment.SegmentId;
import io.tally.domain.segment.Visibility;
import io.tally.domain.segment.evaluation.SegmentEvaluationUseCase;
import io.tally.domain.segment.evaluation.Snapshot;
import io.tally.domain.segment.evaluation.SnapshotStatus;
import io.tally.domain.staff.StaffId;
import io.tally.domain.tenant.BrandId;
import io.tally.sqs.json.Json;
import io.tally.sqs.segment.EvaluatePageJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The evaluations queue's consumer: pages off the wire through the use case, a bad message failed alone. */
class SegmentEvaluatorTest {
    private static final BrandId BRAND = new BrandId("ACME");
    private final EvaluatePageJson json = new EvaluatePageJson(Json.mapper());
    private final List<String> queued = new ArrayList<>();
    private final InMemorySegmentSnapshots snapshots = new InMemorySegmentSnapshots();

    @Test
    void pages_chain_through_the_queue_until_the_snapshot_is_ready() {
        List<Card> cards = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            String payload = String.format("4000%010d", i);
            Card active = Card.unallocated(BRAND, new CardNumber(payload + CardNumber.luhnCheckDigit(payload)),
                    new ProgramId("loyalty"), new CardSetId("set-1")).activated("hash", Instant.EPOCH,
                    Optional.of(Customer.EMPTY));
            cards.add(active.withProfile(Optional.empty(), active.primaryCustomer(), Optional.empty(), Map.of(), Map.of(),
                    Map.of(), i % 5 == 0 ? Optional.of(Instant.EPOCH) : Optional.empty()));
        }
        BrandCardsPort pages = (brand, cursor, limit) -> {
            int from = cursor.map(Integer::parseInt).orElse(0);
            int to = Math.min(cards.size(), from + limit);
            return new BrandCardsPort.CardsPage(cards.subList(from, to), to < cards.size() ? Optional.of(String.valueOf(to))
                    : Optional.empty());
        };
        InMemorySegments segments = new InMemorySegments();
        Segment members = new Segment(BRAND, new SegmentId("members"), "Members", "", Visibility.SHARED,
                new StaffId("admin"), Set.of(), FilterGroup.all(new SegmentFilter.EnrollmentStatus(true)), Instant.EPOCH, 1);
        segments.create(members);
        MutableClock clock = new MutableClock(Instant.parse("2027-01-01T00:00:00Z"));
        SegmentEvaluationUseCase evaluation = new SegmentEvaluationUseCase(segments, snapshots, pages,
                page -> page.stream().map(MemberFacts::of).toList(), new InMemoryCardPort(),
                page -> queued.add(json.write(page)), b -> ZoneOffset.UTC, b -> Optional.empty(),
                new SetupAudit(new InMemoryAuditLog(), new SeededRandom(1), clock), clock);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SegmentEvaluator evaluator = new SegmentEvaluator(evaluation, json, new PrintStream(log, true, StandardCharsets.UTF_8));

        Snapshot started = evaluation.start(members);
        int batches = 0;
        while (!queued.isEmpty() && batches++ < 10) {
            String body = queued.remove(0);
            SQSBatchResponse response = evaluator.consume(batch(body, "not a page"));
            assertEquals(List.of("m1"), response.getBatchItemFailures().stream()
                    .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList(), "only the bad message fails");
        }

        Snapshot done = snapshots.find(started.key()).orElseThrow();
        assertEquals(SnapshotStatus.READY, done.status());
        assertEquals(50, done.members(), "every fifth card is enrolled");
        assertEquals(250, done.examined());
        assertEquals(Optional.of(3), done.pages());
        assertTrue(snapshots.isMember(BRAND, members.id(), cards.get(5).number()));
    }

    private static SQSEvent batch(String... bodies) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId("m" + i);
            m.setBody(bodies[i]);
            records.add(m);
        }
        SQSEvent e = new SQSEvent();
        e.setRecords(records);
        return e;
    }
}
