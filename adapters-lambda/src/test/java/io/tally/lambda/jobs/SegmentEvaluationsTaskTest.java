package io.tally.lambda.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.backoffice.SetupAudit;
import io.tally.domain.fakes.InMemoryAuditLog;
import io.tally.domain.fakes.InMemoryCardPort;
import io.tally.domain.fakes.InMemorySegmentSnapshots;
import io.tally.domain.fakes.InMemorySegments;
import io.tally.domain.fakes.MutableClock;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.segment.BrandCardsPort;
import io.tally.domain.segment.FilterGroup;
import io.tally.domain.segment.Segment;
import io.tally.domain.segment.SegmentId;
import io.tally.domain.segment.Visibility;
import io.tally.domain.segment.evaluation.EvaluatePage;
import io.tally.domain.segment.evaluation.SegmentEvaluationUseCase;
import io.tally.domain.staff.StaffId;
import io.tally.domain.tenant.BrandId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The daily task starts today's run of every segment of every brand, once: a second run the same day names the same
 * snapshots; a brand that fails is logged and the others go on; a job that cannot be built fails the invocation.
 */
class SegmentEvaluationsTaskTest {
    private static final Instant NOW = Instant.parse("2027-03-01T03:00:00Z");
    private static final BrandId ACME = new BrandId("ACME");
    private static final BrandId BOLT = new BrandId("BOLT");
    private static final BrandId BROKEN = new BrandId("BROKEN");
    private final InMemorySegments segments = new InMemorySegments();
    private final InMemorySegmentSnapshots snapshots = new InMemorySegmentSnapshots();
    private final List<EvaluatePage> queued = new ArrayList<>();
    private final MutableClock clock = new MutableClock(NOW);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void every_segment_of_every_brand_gets_todays_snapshot_and_a_brand_that_fails_does_not_stop_the_others() {
        segments.create(segment(ACME, "regulars"));
        segments.create(segment(ACME, "lapsed"));
        segments.create(segment(BOLT, "members"));
        segments.create(segment(BROKEN, "anything"));
        SegmentEvaluationsTask task = new SegmentEvaluationsTask(() -> List.of(ACME, BROKEN, BOLT), this::useCase,
                new PrintStream(out, true, StandardCharsets.UTF_8));

        String first = task.run(NOW);

        assertEquals("3 brands: 3 segment runs started or resumed, 0 already READY today, 1 brands failed", first);
        assertEquals(Set.of("2027-03-01.v0000000001"), keys(ACME, "regulars"));
        assertEquals(Set.of("2027-03-01.v0000000001"), keys(ACME, "lapsed"));
        assertEquals(Set.of("2027-03-01.v0000000001"), keys(BOLT, "members"));
        assertEquals(3, queued.size(), "each run's first page");
        assertTrue(queued.stream().allMatch(p -> p.page() == 0 && p.cursor().isEmpty()));
        String log = out.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("\"job\":\"segment-evaluations\",\"brand\":\"BROKEN\""), log);
        assertTrue(log.contains("\"brand\":\"BOLT\",\"running\":1,\"ready\":0"), log);

        clock.advance(Duration.ofHours(12));
        task.run(clock.instant());
        assertEquals(Set.of("2027-03-01.v0000000001"), keys(ACME, "regulars"), "the same day: the same snapshot");
        clock.advance(Duration.ofDays(1));
        task.run(clock.instant());
        assertEquals(Set.of("2027-03-01.v0000000001", "2027-03-02.v0000000001"), keys(ACME, "regulars"));
    }

    @Test
    void a_job_that_cannot_be_built_fails_the_invocation_visibly() {
        SegmentEvaluationsTask task = new SegmentEvaluationsTask(() -> List.of(ACME), () -> {
            throw new IllegalStateException("TALLY_SEGMENT_EVALUATIONS_QUEUE_URL is not set");
        }, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThrows(IllegalStateException.class, () -> task.run(NOW));
    }

    private SegmentEvaluationUseCase useCase() {
        return new SegmentEvaluationUseCase(segments, snapshots,
                (brand, cursor, limit) -> new BrandCardsPort.CardsPage(List.of(), Optional.empty()), cards -> List.of(),
                new InMemoryCardPort(), queued::add, brand -> {
                    if (brand.equals(BROKEN)) {
                        throw new IllegalStateException("the brand's settings cannot be read");
                    }
                    return ZoneOffset.UTC;
                }, brand -> Optional.empty(), new SetupAudit(new InMemoryAuditLog(), new SeededRandom(5), clock), clock);
    }

    private Set<String> keys(BrandId brand, String segment) {
        return Set.copyOf(snapshots.list(brand, new SegmentId(segment), 10).stream().map(s -> s.key().text()).toList());
    }

    private static Segment segment(BrandId brand, String id) {
        return new Segment(brand, new SegmentId(id), id, "", Visibility.SHARED, new StaffId("admin"), Set.of(),
                FilterGroup.all(), NOW, 1);
    }
}
