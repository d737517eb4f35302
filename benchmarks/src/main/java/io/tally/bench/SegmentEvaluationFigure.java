package io.tally.bench;

import io.tally.backoffice.wiring.SegmentEvaluations;
import io.tally.domain.backoffice.SetupAudit;
import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.segment.BrandCardsPort;
import io.tally.domain.segment.MemberFacts;
import io.tally.domain.segment.FactsNeeded;
import io.tally.domain.segment.MemberFactsPort;
import io.tally.domain.segment.Segment;
import io.tally.domain.segment.SegmentCount;
import io.tally.domain.segment.SegmentId;
import io.tally.domain.segment.SegmentUseCase;
import io.tally.domain.segment.Visibility;
import io.tally.domain.segment.evaluation.EvaluatePage;
import io.tally.domain.segment.evaluation.SegmentEvaluationUseCase;
import io.tally.domain.segment.evaluation.SegmentSnapshotsPort;
import io.tally.domain.segment.evaluation.Snapshot;
import io.tally.domain.segment.evaluation.SnapshotStatus;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.store.DynamoStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Figure 11 (issue 14). A segment of five filters ({@link GeneratedMembers#FILTERS}) evaluated over a million cards by
 * the real {@link SegmentEvaluationUseCase}, its snapshot (header, pages, members) written to dynalite by the real
 * snapshot store, the page messages taken from an in-memory queue by {@code w} workers, as {@code w} concurrent
 * evaluation consumers would (SQS left out, as in figures 8 and 10). The cards and their facts are generated on the
 * fly ({@link GeneratedMembers}), so the rate is the job's and its store's, not dynalite's reads of a million stored
 * cards; what the real card listing (A88) and facts (A11b, statistics, score, locations) cost per card is measured
 * apart on a sample of cards stored in dynalite, evaluated through the real adapters, and so is the live count.
 */
final class SegmentEvaluationFigure {
    private static final String FIGURE = "11 segment evaluation";
    private static final StaffId STAFF = new StaffId("bench");
    private static final StaffScope ADMIN = StaffScope.brandWide(Generated.BRAND, STAFF, "bench@bench.test",
            Role.ADMIN);
    /** The sample's card numbers, apart from every other figure's. */
    private static final long SAMPLE_FIRST = 5_000_000_000L;
    private static final long IDLE_LIMIT_NANOS = TimeUnit.MINUTES.toNanos(5);

    private final BenchWorld world;
    private final Options options;
    private int runs;

    SegmentEvaluationFigure(BenchWorld world, Options options) {
        this.world = world;
        this.options = options;
    }

    /** Cards of the large run: a million, or the smoke run's 10,000 ({@code -Dtally.bench.segmentCards}). */
    long cards() {
        return Long.getLong("tally.bench.segmentCards", options.quick() ? 10_000 : 1_000_000);
    }

    /** Cards of each run of the workers table ({@code -Dtally.bench.segmentFanCards}). */
    long fanCards() {
        return Long.getLong("tally.bench.segmentFanCards", options.quick() ? 2_000 : 20_000);
    }

    /** Stored cards evaluated through the real adapters ({@code -Dtally.bench.segmentSample}). */
    int sampleCards() {
        return Integer.getInteger("tally.bench.segmentSample", options.quick() ? 100 : 1_000);
    }

    /** Stored cards the live count runs over: its whole budget, 2,000 ({@code -Dtally.bench.segmentCountCards}). */
    int countCards() {
        return Math.max(sampleCards(), Integer.getInteger("tally.bench.segmentCountCards", options.quick() ? 100
                : SegmentUseCase.COUNT_PAGES * BrandCardsPort.MAX_PAGE));
    }

    /** Workers of the large run: 1 ({@code -Dtally.bench.segmentWorkers}: more when the machine is too slow). */
    int largeWorkers() {
        return Integer.getInteger("tally.bench.segmentWorkers", 1);
    }

    void run(Report report) throws Exception {
        Sample sample = sample(report);
        fanOut(report);
        long n = cards();
        int workers = largeWorkers();
        long heapBefore = ReportExportFigure.heapAfterGc();
        Run large = evaluate(new GeneratedMembers(0, n), workers);
        long heapAfter = ReportExportFigure.heapAfterGc();
        double perCard = (double) large.requests / n;
        boolean met = large.ready && large.members == large.expected && large.readBack == large.expected
                && large.examined == n;
        report.add(progress(new Report.Row(FIGURE, "5 filters, " + n + " generated cards, " + workers + " worker"
                + (workers == 1 ? "" : "s"), Math.round(n / large.seconds) + " cards/s (" + Report.fmt(large.seconds)
                + " s)", "-", Double.NaN, "READY; members = the generator's independent count",
                met ? Report.Verdict.MET : Report.Verdict.MISSED,
                large.status + ", " + large.members + " members of " + large.examined + " cards (independent count "
                        + large.expected + ", " + large.readBack + " read back, each a member by the count); requests"
                        + " per card: snapshot store " + Report.units(perCard) + " (" + large.perCard(n) + ") + card"
                        + " listing and facts " + Report.units(sample.adapterPerCard()) + " (the stored sample) = "
                        + Report.units(perCard + sample.adapterPerCard()) + "; " + large.pages + " pages; heap after a"
                        + " full GC " + ReportExportFigure.mb(heapBefore) + " MB before, "
                        + ReportExportFigure.mb(heapAfter) + " MB after")));
    }

    /** The workers table: the same generated run with 1, 2, 4 and 8 workers. */
    private void fanOut(Report report) {
        long fan = fanCards();
        List<List<String>> rows = new ArrayList<>();
        double one = 0;
        for (int workers : List.of(1, 2, 4, 8)) {
            Run r = evaluate(new GeneratedMembers(0, fan), workers);
            if (!r.ready || r.members != r.expected || r.readBack != r.expected) {
                throw new IllegalStateException(workers + " workers: " + r.status + ", " + r.members + " members, "
                        + r.readBack + " read back, expected " + r.expected);
            }
            double rate = fan / r.seconds;
            one = workers == 1 ? rate : one;
            rows.add(List.of(Integer.toString(workers), Long.toString(fan), Report.fmt(r.seconds),
                    Long.toString(Math.round(rate)), Report.fmt(rate / one), Report.units((double) r.requests / fan)));
            System.err.println("figure 11 workers: " + rows.get(rows.size() - 1));
        }
        report.addTable(new Report.Table("11 segment evaluation: workers, " + fan + " generated cards ("
                + (fan + BrandCardsPort.MAX_PAGE - 1) / BrandCardsPort.MAX_PAGE + " pages), each run READY with the"
                + " independent count's members", List.of("workers", "cards", "seconds", "cards/s", "x 1 worker",
                "requests/card"), rows));
    }

    /** Prints the row as it is made (a long run interrupted still leaves its finished rows). */
    private static Report.Row progress(Report.Row row) {
        System.err.println("figure 11: " + row);
        return row;
    }

    /** The real adapters' share, measured on {@link #sampleCards} cards stored in dynalite; then the live count. */
    private Sample sample(Report report) {
        int size = sampleCards();
        DynamoStorage storage = world.storage();
        store(storage, 0, size);
        // as the back office wires the segment builder and the evaluator (SegmentEvaluations.memberFacts)
        MemberFactsPort facts = SegmentEvaluations.memberFacts(storage, storage.locations(), Clock.systemUTC());
        Metered metered = new Metered(storage.brandCards(), facts);
        CapacityMeter.Meter[] meter = new CapacityMeter.Meter[1];
        Run run = evaluate(metered, metered, 1, () -> CapacityMeter.start(world.raw()),
                () -> meter[0] = CapacityMeter.stop());
        Sample sample = new Sample(run.examined, metered.cardsRequests.get(), metered.factsRequests.get(),
                metered.cardsNanos.get(), metered.factsNanos.get());
        double e = Math.max(1, run.examined);
        report.add(progress(new Report.Row(FIGURE, "real card listing (A88) + facts (A11b, statistics, score, card locations), "
                + run.examined + " stored cards", Report.units(sample.adapterPerCard()) + " requests/card", "-", Double.NaN,
                "READY; every stored card examined", run.ready && run.examined >= size ? Report.Verdict.MET
                : Report.Verdict.MISSED, "listing " + Report.units(sample.cardsRequests / e) + " + facts "
                + Report.units(sample.factsRequests / e) + " requests/card (" + Report.fmt(sample.cardsNanos / 1e6 / e)
                + " + " + Report.fmt(sample.factsNanos / 1e6 / e) + " ms/card on dynalite); the whole run through the"
                + " real adapters: " + Report.units(run.requests / e) + " requests/card (" + run.perCard(run.examined)
                + "), " + Report.units(meter[0].readUnits() / e) + " RRU + " + Report.units(meter[0].writeUnits() / e)
                + " WRU per card, " + Math.round(run.examined / run.seconds) + " cards/s; " + run.members
                + " members (the sample has no statistics or scores stored: none can match)")));
        store(storage, size, countCards());
        liveCount(report, storage, facts);
        return sample;
    }

    /** Stores sample cards {@code from .. to - 1} through the batch path. */
    private static void store(DynamoStorage storage, long from, long to) {
        List<Card> cards = new ArrayList<>();
        for (long i = from; i < to; i++) {
            cards.add(GeneratedMembers.card(SAMPLE_FIRST + i));
        }
        if (!cards.isEmpty()) {
            storage.bulkImport().cards(cards);
        }
    }

    /** The live count over the stored sample: A89's budget of 20 pages of 100 cards, warm (the second count). */
    private void liveCount(Report report, DynamoStorage storage, MemberFactsPort facts) {
        Metered metered = new Metered(storage.brandCards(), facts);
        SegmentUseCase builder = new SegmentUseCase(storage.segments(), metered, metered, b -> ZoneOffset.UTC,
                storage.auditLog(), new SeededRandom(11), Clock.systemUTC());
        Segment segment = segment("bench-count");
        RoundTrips.Tally tally = RoundTrips.reset();
        CapacityMeter.start(world.raw());
        long began = System.nanoTime();
        SegmentCount count = builder.count(ADMIN, segment);
        long nanos = System.nanoTime() - began;
        CapacityMeter.Meter meter = CapacityMeter.stop();
        int budget = SegmentUseCase.COUNT_PAGES * BrandCardsPort.MAX_PAGE;
        double e = Math.max(1, count.examined());
        report.add(progress(new Report.Row("11 segment live count", "SegmentUseCase.count, 5 filters, "
                + count.examined() + " stored cards examined", Report.ms0(nanos) + ", " + tally.total() + " requests",
                "-", Double.NaN, "at most " + SegmentUseCase.COUNT_PAGES + " pages of " + BrandCardsPort.MAX_PAGE
                + " cards", count.examined() <= budget ? Report.Verdict.MET : Report.Verdict.MISSED,
                count.matched() + " matched" + (count.exact() ? " (exact)" : " (at least)") + "; "
                        + Report.units(tally.total() / e) + " requests/card (" + byOperation(tally.labels())
                        + "; listing " + metered.cardsRequests.get() + ", facts " + metered.factsRequests.get() + "); "
                        + Report.units(meter.readUnits()) + " RRU; " + Report.ms(tally.nanos())
                        + " in storage (listing " + Report.ms(metered.cardsNanos.get()) + ", facts "
                        + Report.ms(metered.factsNanos.get()) + ")")));
    }

    private Run evaluate(GeneratedMembers generated, int workers) {
        Run r = evaluate(generated, generated, workers, () -> { }, () -> { });
        return r.expecting(generated.expectedMembers());
    }

    /**
     * One run: a new segment's snapshot started, its pages taken from the queue by {@code workers} threads until none
     * is pending (a page queues the next before it ends, so none pending means the last page is done), then the
     * header and the members read back. Requests are counted on every thread that made them.
     */
    private Run evaluate(BrandCardsPort cards, MemberFactsPort facts, int workers, Runnable onWorkerStart,
                         Runnable onWorkerEnd) {
        DynamoStorage storage = world.storage();
        SegmentSnapshotsPort snapshots = storage.segmentSnapshots();
        LinkedBlockingQueue<EvaluatePage> queue = new LinkedBlockingQueue<>();
        AtomicLong pending = new AtomicLong();
        SegmentEvaluationUseCase job = new SegmentEvaluationUseCase(storage.segments(), snapshots, cards, facts,
                storage.cards(), page -> {
                    pending.incrementAndGet();
                    queue.add(page);
                }, b -> ZoneOffset.UTC, b -> Optional.empty(),
                new SetupAudit(storage.auditLog(), new SeededRandom(runs), Clock.systemUTC()), Clock.systemUTC());
        Segment segment = segment("bench-" + System.nanoTime() + "-" + (++runs));
        Map<String, Integer> labels = new TreeMap<>();
        AtomicLong pages = new AtomicLong();
        long began = System.nanoTime();
        RoundTrips.reset();
        Snapshot started = job.start(segment);
        merge(labels, RoundTrips.current().labels());
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<Map<String, Integer>>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                running.add(pool.submit(() -> {
                    RoundTrips.Tally tally = RoundTrips.reset();
                    onWorkerStart.run();
                    long idleSince = System.nanoTime();
                    try {
                        while (pending.get() > 0) {
                            EvaluatePage page = queue.poll(10, TimeUnit.MILLISECONDS);
                            if (page == null) {
                                if (System.nanoTime() - idleSince > IDLE_LIMIT_NANOS) {
                                    throw new IllegalStateException("no page for 5 minutes, " + pending.get()
                                            + " pending");
                                }
                                continue;
                            }
                            if (job.evaluatePage(page) == SegmentEvaluationUseCase.Result.EVALUATED) {
                                pages.incrementAndGet();
                            }
                            pending.decrementAndGet();
                            idleSince = System.nanoTime();
                        }
                    } finally {
                        onWorkerEnd.run();
                    }
                    return tally.labels();
                }));
            }
            for (Future<Map<String, Integer>> f : running) {
                merge(labels, f.get());
            }
        } catch (Exception e) {
            throw new IllegalStateException("segment evaluation failed", e);
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        Snapshot done = snapshots.find(started.key()).orElseThrow();
        long readBack = readBack(snapshots, done);
        long requests = labels.values().stream().mapToLong(Integer::longValue).sum();
        return new Run(done.status() == SnapshotStatus.READY, done.status().name(), done.members(), done.examined(),
                -1, readBack, pages.get(), seconds, requests, labels);
    }

    /** The members as stored, page after page (A94): how many, each once and each a member by the independent count. */
    private static long readBack(SegmentSnapshotsPort snapshots, Snapshot done) {
        if (done.status() != SnapshotStatus.READY) {
            return -1;
        }
        Set<String> seen = new HashSet<>();
        Optional<String> cursor = Optional.empty();
        do {
            SegmentSnapshotsPort.MembersPage page = snapshots.members(done.key(), cursor,
                    SegmentSnapshotsPort.MAX_MEMBERS_PAGE);
            for (CardNumber c : page.members()) {
                if (!seen.add(c.value()) || !GeneratedMembers.member(GeneratedMembers.index(c))) {
                    throw new IllegalStateException("member " + c.value() + " twice or not a member");
                }
            }
            cursor = page.next();
        } while (cursor.isPresent());
        return seen.size();
    }

    private static Segment segment(String id) {
        return new Segment(Generated.BRAND, new SegmentId(id), "Five filters", "", Visibility.SHARED, STAFF, Set.of(),
                GeneratedMembers.FILTERS, Instant.now(), 1);
    }

    private static void merge(Map<String, Integer> into, Map<String, Integer> from) {
        from.forEach((k, v) -> into.merge(k, v, Integer::sum));
    }

    /** e.g. {@code 1.02 GetItem, 0.01 PutItem}: each operation's requests per card. */
    private static String byOperation(Map<String, Integer> labels, long cards) {
        Map<String, Long> ops = labels.entrySet().stream().collect(Collectors.groupingBy(
                e -> e.getKey().split(" ", 2)[0], TreeMap::new, Collectors.summingLong(Map.Entry::getValue)));
        return ops.entrySet().stream().map(e -> Report.units((double) e.getValue() / Math.max(1, cards)) + " "
                + e.getKey()).collect(Collectors.joining(", "));
    }

    /** e.g. {@code 20x Query, 4000x GetItem}: the requests by operation. */
    private static String byOperation(Map<String, Integer> labels) {
        Map<String, Long> ops = labels.entrySet().stream().collect(Collectors.groupingBy(
                e -> e.getKey().split(" ", 2)[0], TreeMap::new, Collectors.summingLong(Map.Entry::getValue)));
        return ops.entrySet().stream().map(e -> e.getValue() + "x " + e.getKey()).collect(Collectors.joining(", "));
    }

    private record Run(boolean ready, String status, long members, long examined, long expected, long readBack,
                       long pages, double seconds, long requests, Map<String, Integer> labels) {
        Run expecting(long count) {
            return new Run(ready, status, members, examined, count, readBack, pages, seconds, requests, labels);
        }

        String perCard(long cards) {
            return byOperation(labels, cards);
        }
    }

    /** The real adapters' requests and time while listing cards and reading their facts. */
    private record Sample(long examined, long cardsRequests, long factsRequests, long cardsNanos, long factsNanos) {
        double adapterPerCard() {
            return (double) (cardsRequests + factsRequests) / Math.max(1, examined);
        }
    }

    /** Counts the requests and time of the ports it wraps, on the calling thread ({@link RoundTrips}). */
    private static final class Metered implements BrandCardsPort, MemberFactsPort {
        private final BrandCardsPort cards;
        private final MemberFactsPort facts;
        private final AtomicLong cardsRequests = new AtomicLong();
        private final AtomicLong factsRequests = new AtomicLong();
        private final AtomicLong cardsNanos = new AtomicLong();
        private final AtomicLong factsNanos = new AtomicLong();

        Metered(BrandCardsPort cards, MemberFactsPort facts) {
            this.cards = cards;
            this.facts = facts;
        }

        @Override
        public CardsPage page(BrandId brand, Optional<String> cursor, int limit) {
            int before = RoundTrips.current().total();
            long began = System.nanoTime();
            try {
                return cards.page(brand, cursor, limit);
            } finally {
                cardsNanos.addAndGet(System.nanoTime() - began);
                cardsRequests.addAndGet(RoundTrips.current().total() - before);
            }
        }

        @Override
        public List<MemberFacts> facts(List<Card> page) {
            return metered(() -> facts.facts(page));
        }

        @Override
        public List<MemberFacts> facts(List<Card> page, Instant moment) {
            return metered(() -> facts.facts(page, moment));
        }

        @Override
        public List<MemberFacts> facts(List<Card> page, FactsNeeded needed) {
            return metered(() -> facts.facts(page, needed));
        }

        @Override
        public List<MemberFacts> facts(List<Card> page, FactsNeeded needed, Instant moment) {
            return metered(() -> facts.facts(page, needed, moment));
        }

        private List<MemberFacts> metered(Supplier<List<MemberFacts>> read) {
            int before = RoundTrips.current().total();
            long began = System.nanoTime();
            try {
                return read.get();
            } finally {
                factsNanos.addAndGet(System.nanoTime() - began);
                factsRequests.addAndGet(RoundTrips.current().total() - before);
            }
        }
    }
}
