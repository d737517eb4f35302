package io.tally.lambda.coupons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tally.domain.coupon.CouponSet;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.coupon.bulk.LoadChunk;
import io.tally.domain.coupon.bulk.LoadCouponChunkUseCase;
import io.tally.domain.coupon.bulk.LoadJob;
import io.tally.domain.coupon.bulk.LoadJobId;
import io.tally.domain.coupon.bulk.NumberedLine;
import io.tally.domain.coupon.bulk.StartCouponLoadUseCase;
import io.tally.domain.fakes.InMemoryCouponLoadPort;
import io.tally.domain.fakes.InMemoryCouponPort;
import io.tally.domain.fakes.MutableClock;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.tenant.BrandId;
import io.tally.sqs.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CouponLoadConsumerTest {
    private static final BrandId BRAND = new BrandId("ACME");
    private final LoadChunkJson json = new LoadChunkJson(Json.mapper());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final InMemoryCouponLoadPort jobs = new InMemoryCouponLoadPort();
    private final InMemoryCouponPort coupons = new InMemoryCouponPort();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final CouponLoadConsumer consumer = new CouponLoadConsumer(new LoadCouponChunkUseCase(jobs, coupons, clock),
            json, new PrintStream(log, true, StandardCharsets.UTF_8));

    private static SQSEvent event(String... bodies) {
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

    @Test
    void chunks_survive_their_wire_form() {
        LoadChunk csv = LoadChunk.csv(BRAND, new LoadJobId("abc"), 3, List.of(new NumberedLine(7, "CODE-1,a;b,"),
                new NumberedLine(9, "x,\"q\"\\")));
        LoadChunk generate = LoadChunk.generate(BRAND, new LoadJobId("abc"), 4, 1_000);

        assertEquals(csv, json.read(json.write(csv)));
        assertEquals(generate, json.read(json.write(generate)));
        assertThrows(IllegalArgumentException.class, () -> json.read("{\"brand\":"));
    }

    @Test
    void a_batch_loads_its_chunks_reports_garbage_as_failed_and_drops_chunks_of_unknown_jobs() {
        List<LoadChunk> queued = new ArrayList<>();
        StartCouponLoadUseCase start = new StartCouponLoadUseCase(jobs, queued::addAll, (b, s) -> Optional.of(
                new CouponSet(b, s, "", Optional.empty(), Optional.empty())), new SeededRandom(3), clock);
        LoadJob job = start.generate(BRAND, new CouponSetId("S"), 1_500, "C-").value();

        SQSBatchResponse response = consumer.consume(event(json.write(queued.get(0)), "not json",
                json.write(LoadChunk.generate(BRAND, new LoadJobId("gone"), 0, 5)), json.write(queued.get(1)),
                json.write(queued.get(0))));

        assertEquals(List.of("m1"), response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
        LoadJob done = jobs.find(BRAND, job.id()).orElseThrow();
        assertEquals(LoadJob.Status.DONE, done.status());
        assertEquals(1_500, done.loaded());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("no such coupon load job"));
    }
}
