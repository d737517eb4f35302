package io.tally.domain.segment.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.backoffice.SetupAudit;
import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.fakes.Crash;
import io.tally.domain.fakes.InMemoryAuditLog;
import io.tally.domain.fakes.InMemoryCardPort;
import io.tally.domain.fakes.InMemorySegmentSnapshots;
import io.tally.domain.fakes.InMemorySegments;
import io.tally.domain.fakes.MutableClock;
import io.tally.domain.fakes.RandomCrashes;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.segment.Bounds;
import io.tally.domain.segment.BrandCardsPort;
import io.tally.domain.segment.DateWindow;
import io.tally.domain.segment.FilterGroup;
import io.tally.domain.segment.MemberFacts;
import io.tally.domain.segment.MemberFactsPort;
import io.tally.domain.segment.MemberStatistics;
import io.tally.domain.segment.Segment;
import io.tally.domain.segment.SegmentFilter;
import io.tally.domain.segment.SegmentId;
import io.tally.domain.segment.Visibility;
import io.tally.domain.staff.StaffId;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The evaluation job against a model written apart from it: random cards' facts filtered directly (enrolled, and
 * 100 points or more or enrolled in the 30 days up to the run's first day), with page messages delivered in random
 * order, some twice, some lost and delivered later, the process killed after any write (or part-way through a page's
 * member writes), the clock moving a day per delivery and the segment edited during the run.
 */
class SegmentEvaluationModelTest {
    private static final BrandId BRAND = new BrandId("ACME");
    private static final ValueTypeKey POINTS = ValueTypeKey.points();
    private static final Instant START = Instant.parse("2027-03-01T23:30:00Z");
    private static final FilterGroup DEFINITION = FilterGroup.all(new SegmentFilter.EnrollmentStatus(true),
            FilterGroup.any(new SegmentFilter.RewardsAndBalances(Optional.of(POINTS), Bounds.atLeast(100)),
                    new SegmentFilter.EnrollmentDate(DateWindow.last(30))));

    @Test
    void every_run_under_faults_holds_exactly_the_members_the_model_computes() {
        Map<String, Integer> seen = new HashMap<>();
        for (int seed = 1; seed <= 60; seed++) {
            run(seed, seen);
        }
        assertTrue(seen.getOrDefault("crashes", 0) > 50, "faults happened: " + seen);
        assertTrue(seen.getOrDefault("duplicates", 0) > 50, "duplicates happened: " + seen);
        assertTrue(seen.getOrDefault("lost", 0) > 20, "losses happened: " + seen);
    }

    private void run(int seed, Map<String, Integer> seen) {
        Random random = new Random(seed);
        List<MemberFacts> world = generate(random, random.nextInt(460));
        Set<String> expected = model(world);
        MutableClock clock = new MutableClock(START);
        InMemorySegments segments = new InMemorySegments();
        Segment segment = new Segment(BRAND, new SegmentId("seg-" + seed), "Regulars", "", Visibility.SHARED,
                new StaffId("admin"), Set.of(), DEFINITION, START, 1);
        segments.create(segment);
        Faults store = new Faults(random);
        List<EvaluatePage> queue = new ArrayList<>();
        List<EvaluatePage> lost = new ArrayList<>();
        InMemoryCardPort cards = new InMemoryCardPort();
        world.forEach(f -> cards.create(f.card()));
        SegmentEvaluationUseCase job = new SegmentEvaluationUseCase(segments, store, pages(world), byNumber(world),
                cards, message -> {
                    queue.add(message);
                    store.maybeCrashAfter("queueing " + message.page());
                }, b -> ZoneOffset.UTC, b -> Optional.empty(), new SetupAudit(new InMemoryAuditLog(), new SeededRandom(seed), clock),
                clock);

        Snapshot started = startSurvivingCrashes(job, segment, seen);
        SnapshotKey key = started.key();
        assertEquals(key, startSurvivingCrashes(job, segment, seen).key(), "a second start the same day: the same run");
        Optional<SnapshotKey> edited = Optional.empty();
        int deliveries = 0;
        while (!queue.isEmpty() || !lost.isEmpty()) {
            assertTrue(++deliveries < 10_000, "the run ends");
            if (queue.isEmpty() || random.nextInt(12) == 0 && !lost.isEmpty()) {
                queue.add(lost.remove(0));
            }
            EvaluatePage message = queue.remove(random.nextInt(queue.size()));
            int fate = random.nextInt(10);
            if (fate == 0) {
                lost.add(message);
                seen.merge("lost", 1, Integer::sum);
                continue;
            }
            if (fate == 1) {
                queue.add(message);
                seen.merge("duplicates", 1, Integer::sum);
            }
            if (deliveries == 3 && seed % 2 == 0) {
                Segment everyone = new Segment(BRAND, segment.id(), "Edited", "", Visibility.SHARED, new StaffId("admin"),
                        Set.of(), FilterGroup.all(), clock.instant(), 2);
                segments.update(everyone);
                edited = Optional.of(startSurvivingCrashes(job, everyone, seen).key());
            }
            clock.advance(Duration.ofDays(1));
            try {
                job.evaluatePage(message);
            } catch (Crash crash) {
                queue.add(message);
                seen.merge("crashes", 1, Integer::sum);
            }
            Snapshot now = store.find(key).orElseThrow();
            if (now.status() == SnapshotStatus.READY) {
                assertEquals(expected, stored(store, key), "READY only once every member is written (seed " + seed + ")");
            }
        }

        Snapshot done = store.find(key).orElseThrow();
        assertEquals(SnapshotStatus.READY, done.status(), "seed " + seed);
        assertEquals(expected, stored(store, key), "seed " + seed);
        assertEquals(expected.size(), done.members(), "seed " + seed);
        assertEquals(world.size(), done.examined(), "seed " + seed);
        assertEquals(Optional.of(Math.max(1, (world.size() + 99) / 100)), done.pages(), "seed " + seed);
        assertEquals(START, done.at(), "the instant fixed at the start");
        assertEquals(DEFINITION, done.filters(), "the definition at the start");
        Set<String> everyone = world.stream().map(f -> f.card().number().value()).collect(Collectors.toCollection(TreeSet::new));
        if (edited.isPresent()) {
            assertEquals(everyone, stored(store, edited.get()), "the run after the edit is a run of its own");
            assertEquals(edited, store.latestReady(BRAND, segment.id()).map(Snapshot::key), "the later run is the latest");
            return;
        }
        assertEquals(Optional.of(key), store.latestReady(BRAND, segment.id()).map(Snapshot::key));
        for (MemberFacts f : world) {
            assertEquals(expected.contains(f.card().number().value()), store.isMember(BRAND, segment.id(), f.card().number()));
        }
    }

    private static Snapshot startSurvivingCrashes(SegmentEvaluationUseCase job, Segment segment, Map<String, Integer> seen) {
        for (int attempt = 0; ; attempt++) {
            try {
                return job.start(segment);
            } catch (Crash crash) {
                seen.merge("crashes", 1, Integer::sum);
                assertTrue(attempt < 100);
            }
        }
    }

    /** The model: the definition read directly off the generated facts, at the run's first instant. */
    private static Set<String> model(List<MemberFacts> world) {
        LocalDate firstDay = LocalDate.ofInstant(START, ZoneOffset.UTC);
        return world.stream().filter(f -> {
            Optional<Instant> enrolled = f.card().enrolledAt();
            if (enrolled.isEmpty()) {
                return false;
            }
            long daysAgo = ChronoUnit.DAYS.between(LocalDate.ofInstant(enrolled.get(), ZoneOffset.UTC), firstDay);
            return f.balances().getOrDefault(POINTS, 0L) >= 100 || daysAgo >= 0 && daysAgo < 30;
        }).map(f -> f.card().number().value()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> stored(SegmentSnapshotsPort store, SnapshotKey key) {
        Set<String> all = new TreeSet<>();
        Optional<String> cursor = Optional.empty();
        do {
            SegmentSnapshotsPort.MembersPage page = store.members(key, cursor, 37);
            page.members().forEach(n -> all.add(n.value()));
            cursor = page.next();
        } while (cursor.isPresent());
        return all;
    }

    private static List<MemberFacts> generate(Random random, int n) {
        List<MemberFacts> world = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String payload = String.format("4000%010d", i);
            String number = payload + CardNumber.luhnCheckDigit(payload);
            Instant activated = START.minus(Duration.ofDays(400));
            Optional<Instant> enrolled = random.nextBoolean() ? Optional.empty()
                    : Optional.of(START.minus(Duration.ofHours(random.nextInt(24 * 45))));
            Card active = Card.unallocated(BRAND, new CardNumber(number), new ProgramId("loyalty"), new CardSetId("set-1"))
                    .activated("hash", activated, Optional.of(Customer.EMPTY));
            Card card = active.withProfile(Optional.empty(), active.primaryCustomer(), Optional.empty(), Map.of(),
                    Map.of(), Map.of(), enrolled);
            world.add(new MemberFacts(card, Map.of(POINTS, (long) random.nextInt(200)), Optional.empty(),
                    MemberStatistics.NONE, List.of(), 0, Optional.empty(), Optional.empty()));
        }
        return world;
    }

    private static BrandCardsPort pages(List<MemberFacts> world) {
        return (brand, cursor, limit) -> {
            int from = cursor.map(Integer::parseInt).orElse(0);
            int to = Math.min(world.size(), from + limit);
            return new BrandCardsPort.CardsPage(world.subList(from, to).stream().map(MemberFacts::card).toList(),
                    to < world.size() ? Optional.of(String.valueOf(to)) : Optional.empty());
        };
    }

    private static MemberFactsPort byNumber(List<MemberFacts> world) {
        Map<CardNumber, MemberFacts> facts = world.stream().collect(Collectors.toMap(f -> f.card().number(), f -> f));
        return page -> page.stream().map(c -> facts.get(c.number())).toList();
    }

    /** The store, killed now and then after a write, or part-way through a page's member writes. */
    private static final class Faults extends InMemorySegmentSnapshots {
        private final Crashes crashes;
        private final Random random;

        Faults(Random random) {
            this.crashes = new Crashes(random);
            this.random = random;
        }

        void maybeCrashAfter(String where) {
            crashes.after(where);
        }

        @Override
        public boolean create(Snapshot started) {
            boolean created = super.create(started);
            crashes.after("create");
            return created;
        }

        @Override
        public SnapshotPage list(SnapshotKey key, int page, SnapshotPage listed) {
            SnapshotPage stored = super.list(key, page, listed);
            crashes.after("listing");
            return stored;
        }

        @Override
        public SnapshotPage decide(SnapshotKey key, int page, List<CardNumber> members, long examined) {
            SnapshotPage stored = super.decide(key, page, members, examined);
            crashes.after("members decided");
            return stored;
        }

        @Override
        public void putMembers(SnapshotKey key, List<CardNumber> members) {
            int part = members.isEmpty() ? 0 : random.nextInt(members.size() + 1);
            super.putMembers(key, members.subList(0, part));
            crashes.after("some member items");
            super.putMembers(key, members.subList(part, members.size()));
            crashes.after("member items");
        }

        @Override
        public Recorded recordPage(SnapshotKey key, int page, long members, long examined, boolean last) {
            Recorded recorded = super.recordPage(key, page, members, examined, last);
            crashes.after("record");
            return recorded;
        }

        @Override
        public boolean markReady(SnapshotKey key, Instant readyAt) {
            boolean ready = super.markReady(key, readyAt);
            crashes.after("ready");
            return ready;
        }

        @Override
        public void pointLatest(SnapshotKey key) {
            super.pointLatest(key);
            crashes.after("latest");
        }
    }

    private static final class Crashes extends RandomCrashes {
        Crashes(Random random) {
            super(random);
        }

        void after(String where) {
            maybeCrash(where);
        }
    }
}
