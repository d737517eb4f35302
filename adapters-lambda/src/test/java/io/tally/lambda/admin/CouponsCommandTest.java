package io.tally.lambda.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.coupon.CouponSet;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.coupon.bulk.ChunkResult;
import io.tally.domain.coupon.bulk.InvalidLine;
import io.tally.domain.coupon.bulk.LoadChunk;
import io.tally.domain.coupon.bulk.LoadJob;
import io.tally.domain.coupon.bulk.LoadJobId;
import io.tally.domain.coupon.bulk.StartCouponLoadUseCase;
import io.tally.domain.fakes.InMemoryCouponLoadPort;
import io.tally.domain.fakes.MutableClock;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.tenant.BrandId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CouponsCommandTest {
    private static final BrandId BRAND = new BrandId("ACME");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final InMemoryCouponLoadPort jobs = new InMemoryCouponLoadPort();
    private final List<LoadChunk> queued = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(StartCouponLoadUseCase loads, String... args) {
        return new CouponsCommand(loads, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), clock, Duration.ZERO, Duration.ofMinutes(1))
                .run(List.of(args));
    }

    private StartCouponLoadUseCase loads() {
        return new StartCouponLoadUseCase(jobs, queued::addAll, (b, s) -> s.value().equals("S")
                ? Optional.of(new CouponSet(b, s, "", Optional.empty(), Optional.empty())) : Optional.empty(),
                new SeededRandom(1), clock);
    }

    @Test
    void the_bar_shows_loaded_of_total_the_other_counts_and_the_rate() {
        LoadJob job = LoadJob.start(new LoadJobId("j1"), BRAND, new CouponSetId("S"), LoadJob.Kind.CSV, Optional.empty(),
                Optional.empty(), 1_000_000, 2_000, Optional.empty(), Optional.empty(), 3, List.of(), clock.instant())
                .withChunk(new ChunkResult(0, 500, 12, 0, List.of()), clock.instant());

        assertEquals("[..............................] 500/1,000,000 loaded · 12 duplicates · 3 invalid · 4,100/s",
                CouponsCommand.bar(job, 4_100));
    }

    @Test
    void a_generate_without_waiting_prints_the_job_and_status_shows_its_lines() {
        assertEquals(0, run(loads(), "coupons", "generate", "ACME", "S", "1,500", "--prefix", "X-", "--no-wait"));
        assertEquals(2, queued.size());
        LoadJobId id = queued.get(0).job();
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Load " + id + " (brand ACME, set S): 2 chunks queued"));
        jobs.recordChunk(BRAND, id, new ChunkResult(1, 499, 1, 0, List.of(new InvalidLine(1_501, "duplicate: taken"))),
                clock.instant());

        assertEquals(0, run(loads(), "coupons", "status", "ACME", id.value()));
        String shown = out.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("RUNNING, 1/2 chunks"), shown);
        assertTrue(shown.contains("line 1501: duplicate: taken"), shown);
        assertTrue(!shown.contains(jobs.find(BRAND, id).orElseThrow().secret().orElseThrow()), "the secret stays hidden");
    }

    @Test
    void refusals_and_usage_errors_have_their_exit_codes() {
        assertEquals(1, run(loads(), "coupons", "generate", "ACME", "NOPE", "10", "--prefix", "X"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no coupon set NOPE"));
        assertEquals(2, run(loads(), "coupons", "generate", "ACME", "S", "ten", "--prefix", "X"));
        assertEquals(2, run(loads(), "coupons", "generate", "ACME", "S", "10"));
        assertEquals(2, run(loads(), "coupons", "load", "ACME", "S", "target/does-not-exist.csv"));
        assertEquals(1, run(loads(), "coupons", "status", "ACME", "nosuchjob"));
    }

    @Test
    void following_a_load_that_stops_moving_gives_up_without_stopping_it() {
        assertEquals(1, new CouponsCommand(loads(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new TickingClock(clock), Duration.ZERO,
                Duration.ofSeconds(5)).run(List.of("coupons", "generate", "ACME", "S", "10", "--prefix", "X")));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no progress for 5 s"));
    }

    /** Moves one second on every reading. */
    private static final class TickingClock extends Clock {
        private final MutableClock clock;

        TickingClock(MutableClock clock) {
            this.clock = clock;
        }

        @Override
        public Instant instant() {
            clock.advance(Duration.ofSeconds(1));
            return clock.instant();
        }

        @Override
        public ZoneId getZone() {
            return clock.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
