package io.tally.domain.segment.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.audit.AuditRecord;
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
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Outcome.Accepted;
import io.tally.domain.shared.Outcome.Rejected;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** "Evaluate now": who may start a run from the segment's page, and its audit record. */
class EvaluateNowTest {
    private static final BrandId BRAND = new BrandId("ACME");
    private static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");
    private static final StaffScope ADMIN = StaffScope.brandWide(BRAND, new StaffId("admin"), "a@example.com", Role.ADMIN);
    private final InMemorySegments segments = new InMemorySegments();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final List<EvaluatePage> queued = new ArrayList<>();
    private final SegmentEvaluationUseCase job = new SegmentEvaluationUseCase(segments, new InMemorySegmentSnapshots(),
            (BrandCardsPort) (brand, cursor, limit) -> new BrandCardsPort.CardsPage(List.of(), Optional.empty()),
            cards -> List.of(), new InMemoryCardPort(), queued::add, b -> ZoneOffset.UTC, b -> Optional.empty(),
            new SetupAudit(audit, new SeededRandom(3), new MutableClock(NOW)), new MutableClock(NOW));

    @Test
    void staff_who_see_the_segment_start_todays_run_and_it_is_audited() {
        segments.create(segment("north-only", Visibility.PUBLIC_BY_LOCATION, Set.of(new LocationId("north"))));

        Snapshot started = accepted(job.start(manager(new LocationId("north")), "north-only"));

        assertEquals("2027-03-01.v0000000001", started.key().text());
        assertEquals(List.of(new EvaluatePage(started.key(), 0, Optional.empty())), queued);
        AuditRecord record = audit.all().get(0);
        assertEquals("segment.evaluate", record.action());
        assertEquals("segment:north-only", record.target());
        assertEquals(Map.of("snapshot", "2027-03-01.v0000000001", "name", "Regulars"), record.after());
    }

    @Test
    void a_segment_the_staff_member_cannot_see_is_no_such_segment_and_nothing_is_recorded() {
        segments.create(segment("shared", Visibility.SHARED, Set.of()));
        segments.create(segment("south-only", Visibility.PUBLIC_BY_LOCATION, Set.of(new LocationId("south"))));

        assertEquals("No such segment.", rejected(job.start(manager(new LocationId("north")), "shared")));
        assertEquals("No such segment.", rejected(job.start(manager(new LocationId("north")), "south-only")));
        assertEquals("No such segment.", rejected(job.start(ADMIN, "missing")));
        assertEquals("No such segment.", rejected(job.start(StaffScope.brandWide(BRAND, new StaffId("an"), "n@example.com",
                Role.ANALYST), "shared")));
        assertTrue(audit.all().isEmpty());
        assertTrue(queued.isEmpty());
    }

    private static Segment segment(String id, Visibility visibility, Set<LocationId> locations) {
        return new Segment(BRAND, new SegmentId(id), "Regulars", "", visibility, new StaffId("admin"), locations,
                FilterGroup.all(), NOW, 1);
    }

    private static StaffScope manager(LocationId... locations) {
        return new StaffScope(BRAND, new StaffId("m"), "m@example.com", Role.MANAGER, Set.of(new LocationGroupId("g")),
                Optional.of(Set.of(locations)));
    }

    private static Snapshot accepted(Outcome<Snapshot> o) {
        if (o instanceof Rejected<Snapshot> r) {
            throw new AssertionError(r.rejection().detail());
        }
        return ((Accepted<Snapshot>) o).value();
    }

    private static String rejected(Outcome<Snapshot> o) {
        return ((Rejected<Snapshot>) o).rejection().detail();
    }
}
