package io.tally.bench;

import io.tally.domain.event.DomainEvent;
import io.tally.domain.report.BalanceCell;
import io.tally.domain.report.Figures;
import io.tally.domain.report.Flow;
import io.tally.domain.report.RollupUseCase;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.store.DynamoStorage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Figure 9. Accounting for a year from the rollups. A year (2025, America/New_York) of ledger events is generated into
 * two brands' activity logs on dynalite (kept on disk): {@code n} entries ({@code --accounting}; 1,000,000 in the full
 * run) and 1,000, over {@value #LOCATIONS} locations, 2 programs (gift in dollars, loyalty in points), 3 card sets and
 * six entry types. The rollup job ({@link RollupUseCase#run}, as the {@code rollups} periodic job runs it) rolls each
 * year up, run after run until it has nothing left; then "accounting for the year" (the activity of every day of 2025
 * and the liability at its end, unfiltered) is timed and its DynamoDB requests counted, for both logs. The figures are
 * checked against sums kept while generating (written apart from the rollups).
 */
final class AccountingFigure {
    static final int SMALL = 1_000;
    static final int LOCATIONS = 20;
    private static final int LOADERS = 8;
    private static final int CHUNK = 5_000;
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2025, 12, 31);
    /** Two GetItems of the marks, 12 month queries for the activity, 2 for the closing (the opening, the days). */
    static final int FIRST_PAGES = 2 + 12 + 2;
    /**
     * Pages (1 MB each) of one month's query at most: a day holds at most 20 x 2 x 3 x 6 = 720 cells here (every
     * program has one value type), a cell with these ids under 60 bytes, so a month under 31 x 720 x 60 B = 1.3 MB.
     */
    static final int MONTH_PAGES = 2;
    private static final String[] TYPES = {"issue", "redeem", "adjust", "void", "expire", "checkout"};

    private final Options options;

    AccountingFigure(Options options) {
        this.options = options;
    }

    /** What the generator wrote, summed apart from the code under test. */
    private static final class Expected {
        final AtomicLong credit = new AtomicLong();
        final AtomicLong debit = new AtomicLong();
        final AtomicLong count = new AtomicLong();
    }

    void run(Report report) throws Exception {
        int n = options.accountingEntries();
        Clock clock = Clock.fixed(Instant.parse("2026-01-20T17:00:00Z"), ZONE);
        Path data = options.workDir().resolve("accounting-table");
        ScalingFigure.deleteRecursively(data);
        try (BenchWorld world = BenchWorld.start(options.workDir(), data)) {
            DynamoStorage storage = world.storage();
            RollupUseCase rollups = new RollupUseCase(storage.activityLog(), storage.rollups(), b -> ZONE, clock);
            long[] small = measure(storage, rollups, new BrandId("ACCT-" + SMALL), SMALL, report, null);
            measure(storage, rollups, new BrandId("ACCT-" + n), n, report, small);
        }
    }

    /** Loads, rolls up and times one brand's year; returns {median nanos, requests} of accounting for it. */
    private long[] measure(DynamoStorage storage, RollupUseCase rollups, BrandId brand, int n, Report report,
                           long[] floor) throws Exception {
        Expected expected = new Expected();
        long started = System.nanoTime();
        load(storage, brand, n, expected);
        double loadSeconds = (System.nanoTime() - started) / 1e9;

        RoundTrips.Tally job = RoundTrips.reset();
        started = System.nanoTime();
        int runs = 0;
        int days = 0;
        for (RollupUseCase.Run run = rollups.run(brand); !run.written().isEmpty(); run = rollups.run(brand)) {
            runs++;
            days += run.written().size();
        }
        double jobSeconds = (System.nanoTime() - started) / 1e9;
        int jobRequests = job.total();

        int samples = options.quick() ? 3 : 15;
        for (int w = 0; w < samples; w++) { // warm-up: the first brand's page would otherwise pay for the JIT
            rollups.activity(brand, FIRST, LAST, c -> true);
            rollups.closing(brand, LAST, c -> true);
        }
        long[] nanos = new long[samples];
        RoundTrips.Tally page = null;
        Figures year = null;
        SortedMap<BalanceCell, Long> closing = null;
        for (int s = 0; s < samples; s++) {
            page = RoundTrips.reset();
            long t = System.nanoTime();
            year = rollups.activity(brand, FIRST, LAST, c -> true);
            closing = rollups.closing(brand, LAST, c -> true);
            nanos[s] = System.nanoTime() - t;
        }
        long median = Stats.of(nanos).median();
        Flow total = year.cells().values().stream().reduce(Flow.NONE, Flow::plus);
        long liability = closing.values().stream().mapToLong(Long::longValue).sum();
        boolean exact = total.equals(new Flow(expected.credit.get(), expected.debit.get(), expected.count.get()))
                && liability == expected.credit.get() - expected.debit.get();
        int requests = page.total();
        String notes = requests + " requests (" + page.describe() + "), " + year.cells().size() + " cells; "
                + (exact ? "equal to the generator's sums" : "DIFFER from the generator's sums: " + total + " vs "
                + expected.credit + "/" + expected.debit + "/" + expected.count + ", liability " + liability)
                + "; loaded in " + Report.fmt(loadSeconds) + " s; the job rolled up " + days + " days in " + runs
                + " runs, " + Report.fmt(jobSeconds) + " s, " + jobRequests + " requests (" + job.describe() + ")";
        String what = "accounting for a year (activity of 2025 + liability at its end), " + n + " ledger entries";
        if (floor == null) {
            report.add(new Report.Row("9 accounting", what, Report.fmt(Stats.ms(median)) + " ms", "-", Double.NaN,
                    "the floor of the next row", exact ? Report.Verdict.INFO : Report.Verdict.MISSED, notes));
        } else {
            double ratio = (double) median / floor[0];
            int bound = FIRST_PAGES + 14 * (MONTH_PAGES - 1);
            boolean met = exact && ratio <= 2 && requests <= bound;
            report.add(new Report.Row("9 accounting", what, Report.fmt(Stats.ms(median)) + " ms",
                    Report.fmt(Stats.ms(floor[0])) + " ms (" + SMALL + " entries, " + floor[1] + " requests)", ratio,
                    "<= 2x the 1,000-entry page; <= " + bound + " requests", met ? Report.Verdict.MET
                    : Report.Verdict.MISSED, notes));
        }
        return new long[] {median, requests};
    }

    /** Writes the brand's year in chunks on {@value #LOADERS} threads, each chunk from its own seed. */
    private static void load(DynamoStorage storage, BrandId brand, int n, Expected expected) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(LOADERS);
        try {
            List<Future<?>> chunks = new ArrayList<>();
            for (int from = 0; from < n; from += CHUNK) {
                int start = from;
                int end = Math.min(n, from + CHUNK);
                chunks.add(pool.submit(() -> storage.bulkImport().activity(events(brand, start, end, expected))));
            }
            for (Future<?> chunk : chunks) {
                chunk.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<DomainEvent> events(BrandId brand, int from, int to, Expected expected) {
        SplittableRandom random = new SplittableRandom(from * 31L + brand.value().hashCode());
        long start = FIRST.atStartOfDay(ZONE).toInstant().toEpochMilli();
        long span = LAST.plusDays(1).atStartOfDay(ZONE).toInstant().toEpochMilli() - start;
        List<DomainEvent> events = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            String type = TYPES[pick(random)];
            boolean gift = random.nextBoolean();
            long amount = 1 + random.nextInt(10_000);
            long delta = switch (type) {
                case "issue", "void" -> amount;
                case "adjust" -> random.nextBoolean() ? amount : -amount;
                default -> -amount;
            };
            Map<String, String> data = new HashMap<>();
            data.put("cardNumber", String.format("60%014d", random.nextInt(50_000)));
            data.put("transactionId", brand.value() + "-T" + i);
            data.put("location", String.format("LOC%02d", 1 + random.nextInt(LOCATIONS)));
            data.put("program", gift ? "gift" : "loyalty");
            data.put("cardSet", "SET" + (1 + random.nextInt(3)));
            data.put("balance." + (gift ? "Currency:USD" : "Points"), Long.toString(delta));
            Instant at = Instant.ofEpochMilli(start + random.nextLong(span));
            events.add(new DomainEvent(brand.value() + "-E" + i, "ledger." + type, brand, at, data));
            expected.credit.addAndGet(Math.max(0, delta));
            expected.debit.addAndGet(Math.max(0, -delta));
            expected.count.incrementAndGet();
        }
        return events;
    }

    /** Issue 40 %, redeem 35 %, adjust 10 %, void, expire and checkout 5 % each. */
    private static int pick(SplittableRandom random) {
        int p = random.nextInt(100);
        return p < 40 ? 0 : p < 75 ? 1 : p < 85 ? 2 : p < 90 ? 3 : p < 95 ? 4 : 5;
    }
}
