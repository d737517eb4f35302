package io.tally.domain.coupon.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.coupon.CouponPort;
import io.tally.domain.coupon.CouponSet;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.fakes.Crash;
import io.tally.domain.fakes.InMemoryCouponLoadPort;
import io.tally.domain.fakes.InMemoryCouponPort;
import io.tally.domain.fakes.MutableClock;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.domain.tenant.BrandId;
import java.io.BufferedReader;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoadCouponChunkUseCaseTest {
    private static final BrandId BRAND = new BrandId("ACME");
    private static final CouponSetId SET = new CouponSetId("SUMMER");
    private static final Instant FROM = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-09-01T00:00:00Z");
    private static final String CARD = "6299990000000000004";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T08:00:00Z"));
    private final InMemoryCouponLoadPort jobs = new InMemoryCouponLoadPort();
    private final InMemoryCouponPort coupons = new InMemoryCouponPort();
    private final List<LoadChunk> queued = new ArrayList<>();
    private final StartCouponLoadUseCase start = new StartCouponLoadUseCase(jobs, queued::addAll,
            (brand, set) -> set.equals(SET) ? Optional.of(new CouponSet(brand, set, "Summer", Optional.of(FROM),
                    Optional.of(TO))) : Optional.empty(), new SeededRandom(5), clock);
    private final LoadCouponChunkUseCase consumer = new LoadCouponChunkUseCase(jobs, coupons, clock);

    private static CouponCsv.File csv(String text) {
        return CouponCsv.read(new BufferedReader(new StringReader(text)));
    }

    private static String lines(int n) {
        StringBuilder b = new StringBuilder("code,tags,cards\n");
        IntStream.range(0, n).forEach(i -> b.append("SUM-%05d,summer,%n".formatted(i)));
        return b.toString();
    }

    private LoadJob job(LoadJob started) {
        return jobs.find(BRAND, started.id()).orElseThrow();
    }

    @Test
    void a_csv_file_loads_with_its_tags_cards_and_the_sets_window() {
        LoadJob started = start.loadCsv(BRAND, SET, csv("code,tags,cards\nSUM-0001,vip;summer,\nSUM-0002,," + CARD
                + "\nbad\n")).value();
        assertEquals(1, queued.size());

        clock.advance(Duration.ofSeconds(3));
        assertEquals(LoadCouponChunkUseCase.Result.LOADED, consumer.load(queued.get(0)));

        LoadJob done = job(started);
        assertEquals(LoadJob.Status.DONE, done.status());
        assertEquals(List.of(2L, 0L, 1L), List.of(done.loaded(), done.duplicates(), done.invalid()));
        assertEquals(4L, done.invalidLines().get(0).line());
        assertEquals(Optional.of(clock.instant()), done.finishedAt());
        Coupon first = coupons.find(BRAND, new CouponCode("SUM-0001")).orElseThrow();
        assertEquals(Set.of("vip", "summer"), first.tags());
        assertEquals(Optional.of(FROM), first.validFrom());
        assertEquals(Optional.of(TO), first.validTo());
        assertEquals(Set.of(new CardNumber(CARD)), coupons.find(BRAND, new CouponCode("SUM-0002")).orElseThrow().cards());
    }

    @Test
    void a_redelivered_chunk_counts_once() {
        LoadJob started = start.loadCsv(BRAND, SET, csv(lines(1_200))).value();
        assertEquals(3, queued.size());

        for (LoadChunk chunk : queued) {
            consumer.load(chunk);
            assertEquals(LoadCouponChunkUseCase.Result.SKIPPED, consumer.load(chunk));
        }

        LoadJob done = job(started);
        assertEquals(LoadJob.Status.DONE, done.status());
        assertEquals(1_200, done.loaded());
        assertEquals(0, done.duplicates());
    }

    @Test
    void a_chunk_that_crashed_part_way_completes_on_redelivery_without_false_duplicates() {
        LoadJob started = start.loadCsv(BRAND, SET, csv(lines(450))).value();
        LoadCouponChunkUseCase crashing = new LoadCouponChunkUseCase(jobs, crashAfterFirstBatch(coupons), clock);

        assertThrows(Crash.class, () -> crashing.load(queued.get(0)));
        assertEquals(100, coupons.countInSet(BRAND, SET), "the first batch was written");
        assertEquals(LoadJob.Status.QUEUED, job(started).status());

        assertEquals(LoadCouponChunkUseCase.Result.LOADED, consumer.load(queued.get(0)));
        LoadJob done = job(started);
        assertEquals(List.of(450L, 0L, 0L), List.of(done.loaded(), done.duplicates(), done.invalid()));
        assertEquals(450, coupons.countInSet(BRAND, SET));
    }

    @Test
    void a_crash_before_the_result_is_recorded_is_repaired_by_the_redelivery() {
        LoadJob started = start.generate(BRAND, SET, 1_500, "G-").value();
        jobs.crashNextRecords(1);

        assertThrows(Crash.class, () -> consumer.load(queued.get(0)));
        queued.forEach(consumer::load);

        LoadJob done = job(started);
        assertEquals(LoadJob.Status.DONE, done.status());
        assertEquals(List.of(1_500L, 0L, 0L), List.of(done.loaded(), done.duplicates(), done.invalid()));
        assertEquals(1_500, coupons.countInSet(BRAND, SET));
    }

    @Test
    void generated_codes_load_in_chunks_of_a_thousand_and_the_secret_is_never_shown() {
        LoadJob started = start.generate(BRAND, SET, 2_345, "SUM-").value();

        assertEquals(List.of(1_000, 1_000, 345), queued.stream().map(LoadChunk::count).toList());
        queued.forEach(consumer::load);
        LoadJob done = job(started);
        assertEquals(2_345, done.loaded());
        assertEquals(2_345, coupons.countInSet(BRAND, SET));
        String secret = done.secret().orElseThrow();
        assertTrue(!done.toString().contains(secret));
        CouponCode first = new GeneratedCodes(secret, "SUM-").code(0, 0);
        assertTrue(coupons.find(BRAND, first).isPresent());
    }

    @Test
    void codes_taken_by_other_coupons_are_duplicates_listed_with_their_lines() {
        coupons.create(Coupon.fresh(BRAND, new CouponCode("SUM-00002"), new CouponSetId("OTHER"), null, null,
                Optional.empty(), Optional.empty()));
        LoadJob started = start.loadCsv(BRAND, SET, csv(lines(5))).value();

        queued.forEach(consumer::load);

        LoadJob done = job(started);
        assertEquals(List.of(4L, 1L, 0L), List.of(done.loaded(), done.duplicates(), done.invalid()));
        assertEquals(4L, done.invalidLines().get(0).line());
        assertTrue(done.invalidLines().get(0).reason().startsWith("duplicate"));
    }

    @Test
    void running_the_same_file_again_loads_nothing_twice_and_finds_no_duplicates() {
        start.loadCsv(BRAND, SET, csv(lines(700))).value();
        queued.forEach(consumer::load);
        queued.clear();

        LoadJob again = start.loadCsv(BRAND, SET, csv(lines(700))).value();
        queued.forEach(consumer::load);

        LoadJob done = job(again);
        assertEquals(List.of(700L, 0L), List.of(done.loaded(), done.duplicates()));
        assertEquals(700, coupons.countInSet(BRAND, SET));
    }

    @Test
    void invalid_lines_reaching_the_consumer_are_reported_not_loaded() {
        LoadJob started = start.loadCsv(BRAND, SET, csv("SUM-0001\n")).value();
        LoadChunk unchecked = LoadChunk.csv(BRAND, started.id(), 0, List.of(new NumberedLine(1, "SUM-0001"),
                new NumberedLine(2, "SUM-0002,,4111"), new NumberedLine(3, "sum-0001")));

        consumer.load(unchecked);

        LoadJob done = job(started);
        assertEquals(List.of(1L, 0L, 2L), List.of(done.loaded(), done.duplicates(), done.invalid()));
        assertEquals(List.of(2L, 3L), done.invalidLines().stream().map(InvalidLine::line).toList());
        assertEquals("duplicate of line 1", done.invalidLines().get(1).reason());
    }

    @Test
    void unknown_sets_bad_prefixes_and_counts_are_refused_before_anything_is_queued() {
        assertEquals(Reason.UNKNOWN_COUPON_SET, rejected(start.generate(BRAND, new CouponSetId("NOPE"), 10, "X")));
        assertEquals(Reason.INVALID_REQUEST, rejected(start.generate(BRAND, SET, 10, "lower")));
        assertEquals(Reason.INVALID_REQUEST, rejected(start.generate(BRAND, SET, 1_000_001, "X")));
        assertEquals(Reason.INVALID_REQUEST, rejected(start.generate(BRAND, SET, 0, "X")));
        assertTrue(queued.isEmpty());
    }

    @Test
    void a_chunk_of_an_unknown_or_failed_job_writes_nothing() {
        assertEquals(LoadCouponChunkUseCase.Result.NO_SUCH_JOB,
                consumer.load(LoadChunk.generate(BRAND, new LoadJobId("nope"), 0, 10)));
        LoadJob started = start.generate(BRAND, SET, 10, "F").value();
        jobs.fail(BRAND, started.id(), "stopped");

        assertEquals(LoadCouponChunkUseCase.Result.SKIPPED, consumer.load(queued.get(0)));
        assertEquals(0, coupons.countInSet(BRAND, SET));
    }

    @Test
    void a_queue_failure_marks_the_job_failed() {
        StartCouponLoadUseCase broken = new StartCouponLoadUseCase(jobs, chunks -> {
            throw new IllegalStateException("SQS is down");
        }, (b, s) -> Optional.of(new CouponSet(b, s, "", Optional.empty(), Optional.empty())), new SeededRandom(9), clock);

        assertThrows(IllegalStateException.class, () -> broken.generate(BRAND, SET, 10, "F"));
    }

    private static Reason rejected(Outcome<LoadJob> outcome) {
        return assertInstanceOf(Outcome.Rejected.class, outcome).rejection().reason();
    }

    /** The process dies right after the first createAll of the chunk. */
    private static CouponPort crashAfterFirstBatch(CouponPort real) {
        AtomicInteger calls = new AtomicInteger();
        return (CouponPort) Proxy.newProxyInstance(CouponPort.class.getClassLoader(), new Class<?>[]{CouponPort.class},
                (proxy, method, args) -> {
                    Object result = method.invoke(real, args);
                    if (method.getName().equals("createAll") && calls.incrementAndGet() == 1) {
                        throw new Crash("after the first batch of a chunk");
                    }
                    return result;
                });
    }
}
