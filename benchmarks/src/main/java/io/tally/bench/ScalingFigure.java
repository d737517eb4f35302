package io.tally.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.tally.domain.card.Card;
import io.tally.dynamo.store.DynamoBulkImport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Figure 4. Balance check and redeem on cards with short and very long histories, and card search by e-mail
 * with few and very many cards in the table, all through the real handler. The data is made by the domain's
 * own rules in memory and stored through the adapter's batch path ({@link DynamoBulkImport}). The floor of each
 * row is the smallest size, measured in the same run; "flat" means the largest size's p50 is within
 * {@value #FLAT}x of it.
 */
final class ScalingFigure {
    static final double FLAT = 1.25;
    private static final int CHUNK = 2_500;
    private static final int LOADERS = 3;

    private final BenchWorld world;
    private final Options options;

    ScalingFigure(BenchWorld world, Options options) {
        this.world = world;
        this.options = options;
    }

    void run(Report report) throws Exception {
        history(report);
        table(report);
    }

    private void history(Report report) {
        Merchant merchant = new Merchant(world.handler(), world.events());
        long[] balanceFloor = {0};
        long[] redeemFloor = {0};
        int[] sizes = options.historySizes();
        for (int i = 0; i < sizes.length; i++) {
            int size = sizes[i];
            long started = System.nanoTime();
            Generated.History h = Generated.history(9_000_000_000L + size, size);
            long generated = System.nanoTime();
            DynamoBulkImport bulk = world.storage().bulkImport();
            bulk.cards(List.of(h.card()));
            int requests = bulk.ledgerEntries(h.entries());
            double importSeconds = (System.nanoTime() - generated) / 1e9;
            String card = h.card().number().value();
            APIGatewayV2HTTPEvent balance = merchant.event("search", Bodies.balance(card));
            APIGatewayV2HTTPEvent redeem = merchant.event("updateBalance", Bodies.redeem(card, "0.01"));
            if (i == 0) {
                sample(merchant, balance, redeem); // the smallest size goes first: warm the JIT before it is the floor
            }
            long[][] p = sample(merchant, balance, redeem);
            if (i == 0) {
                balanceFloor[0] = p[0][0];
                redeemFloor[0] = p[1][0];
            }
            String how = size + " entries made in " + Report.fmt((generated - started) / 1e9) + " s, stored in "
                    + Report.fmt(importSeconds) + " s (" + requests + " BatchWriteItem)";
            report.add(row("balance check, card with " + size + " ledger entries", p[0], balanceFloor[0], sizes[0],
                    i == sizes.length - 1, how));
            report.add(row("redeem, card with " + size + " ledger entries", p[1], redeemFloor[0], sizes[0],
                    i == sizes.length - 1, p[1][2] + " round trips (" + RoundTrips.current().describe() + ")"));
        }
    }

    private void table(Report report) throws Exception {
        Path data = options.workDir().resolve("big-table");
        deleteRecursively(data);
        long budgetEnds = System.nanoTime() + options.tableBudgetSeconds() * 1_000_000_000L;
        ExecutorService loaders = Executors.newFixedThreadPool(LOADERS);
        try (BenchWorld big = BenchWorld.start(options.workDir(), data)) {
            Merchant merchant = new Merchant(big.handler(), big.events());
            int[] targets = options.tableSizes();
            List<Integer> steps = new ArrayList<>();
            for (int s = targets[0]; s < targets[targets.length - 1]; s *= 10) {
                steps.add(s);
            }
            steps.add(targets[targets.length - 1]);
            long loaded = 0;
            long floor = 0;
            double loadSeconds = 0;
            for (int step = 0; step < steps.size(); step++) {
                int size = steps.get(step);
                long started = System.nanoTime();
                loaded = load(big, loaders, loaded, size, budgetEnds);
                loadSeconds += (System.nanoTime() - started) / 1e9;
                long probe = loaded / 2;
                APIGatewayV2HTTPEvent search = merchant.event("search", Bodies.searchEmail(Generated.email(probe)));
                Merchant.Answer a = Merchant.parse(merchant.invoke(search)).require("search");
                if (a.body().path("cards").size() != 1) {
                    throw new IllegalStateException("search by e-mail found " + a.body().path("cards"));
                }
                if (step == 0) {
                    sample(merchant, search, null);
                }
                long[][] p = sample(merchant, search, null);
                if (step == 0) {
                    floor = p[0][0];
                }
                boolean last = loaded < size || step == steps.size() - 1;
                report.add(row("search by e-mail, " + loaded + " generated cards in the table", p[0], floor, steps.get(0), last,
                        p[0][2] + " round trips (" + RoundTrips.current().describe() + "); " + loaded + " cards stored in "
                                + Report.fmt(loadSeconds) + " s (" + Math.round(loaded / Math.max(loadSeconds, 1e-9))
                                + " cards/s, " + LOADERS + " loader threads, dynalite on disk)"
                                + (loaded < size ? "; stopped short of " + size + ": the " + options.tableBudgetSeconds()
                                + " s loading budget ran out" : "")));
                if (last) {
                    break;
                }
            }
        } finally {
            loaders.shutdownNow();
        }
    }

    /** Stores cards [from, to) through the batch path, until done or out of budget; returns how many are stored. */
    private static long load(BenchWorld big, ExecutorService loaders, long from, long to, long budgetEnds) throws Exception {
        long next = from;
        while (next < to && System.nanoTime() < budgetEnds) {
            List<Future<?>> round = new ArrayList<>();
            for (int t = 0; t < LOADERS && next < to; t++) {
                long a = next;
                long b = Math.min(to, next + CHUNK);
                next = b;
                round.add(loaders.submit(() -> {
                    List<Card> chunk = new ArrayList<>((int) (b - a));
                    for (long i = a; i < b; i++) {
                        chunk.add(Generated.card(i));
                    }
                    big.storage().bulkImport().cards(chunk);
                }));
            }
            for (Future<?> f : round) {
                f.get();
            }
        }
        return next;
    }

    /** p50 of the first and (if given) second event, alternating; {p50, p99, round trips} each. */
    private long[][] sample(Merchant merchant, APIGatewayV2HTTPEvent first, APIGatewayV2HTTPEvent second) {
        int n = options.scalingSamples();
        for (int i = 0; i < Math.max(5, n / 5); i++) {
            merchant.invoke(first);
            if (second != null) {
                merchant.invoke(second);
            }
        }
        long[] a = new long[n];
        long[] b = new long[n];
        int tripsA = 0;
        int tripsB = 0;
        for (int i = 0; i < n; i++) {
            RoundTrips.reset();
            long t0 = System.nanoTime();
            ok(merchant, first);
            a[i] = System.nanoTime() - t0;
            tripsA = RoundTrips.current().total();
            if (second != null) {
                RoundTrips.reset();
                t0 = System.nanoTime();
                ok(merchant, second);
                b[i] = System.nanoTime() - t0;
                tripsB = RoundTrips.current().total();
            }
        }
        Stats sa = Stats.of(a);
        long[][] out = {{sa.median(), sa.percentile(99), tripsA}, {0, 0, 0}};
        if (second != null) {
            Stats sb = Stats.of(b);
            out[1] = new long[] {sb.median(), sb.percentile(99), tripsB};
        }
        return out;
    }

    private static void ok(Merchant merchant, APIGatewayV2HTTPEvent event) {
        var r = merchant.invoke(event);
        if (r.getStatusCode() != 200) {
            throw new IllegalStateException("call failed: " + r.getStatusCode() + " " + r.getBody());
        }
    }

    private static Report.Row row(String what, long[] p, long floor, long floorSize, boolean judged, String notes) {
        double ratio = (double) p[0] / floor;
        return new Report.Row("4 scaling", what, "p50 " + Report.ms(p[0]) + ", p99 " + Report.ms(p[1]),
                "p50 " + Report.ms(floor) + " (size " + floorSize + ")", ratio, "flat: <= " + FLAT + "x",
                judged ? (ratio <= FLAT ? Report.Verdict.MET : Report.Verdict.MISSED) : Report.Verdict.INFO, notes);
    }

    static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
