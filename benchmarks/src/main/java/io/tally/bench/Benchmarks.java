package io.tally.bench;

import io.tally.dynamo.dynalite.RepoRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the figures of docs/PERFORMANCE.md and prints them as one Markdown table (figure 7, the cost per merchant
 * method, adds its own table of cost columns after it).
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests &amp;&amp; java -jar benchmarks/target/tally-benchmarks.jar
 * </pre>
 *
 * Options: {@code --quick} (the smoke run: tiny sizes, seconds), {@code --only 1,2,...} (some figures; unknown numbers
 * are ignored, so an older jar given a newer figure's number runs the rest),
 * {@code --history 10,1000,100000}, {@code --table 10,1000000} and {@code --budget SECONDS} (figure 4's sizes and
 * its loading time budget), {@code --sweep CARDS,NAMES} (figure 6's sizes), {@code --coupons N} (figure 8's codes),
 * {@code --accounting N} (figure 9's ledger entries); figure 11's sizes are {@code -Dtally.bench.segmentCards},
 * {@code -Dtally.bench.segmentFanCards} and {@code -Dtally.bench.segmentSample}; figure 12's are
 * {@code --send-recipients N} and {@code --send-rates R1,R2}.
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Report report = run(args);
        report.print(System.out);
        System.exit(0);
    }

    /** Runs the figures asked for and returns them; the caller prints or checks them. */
    public static Report run(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        List<Integer> only = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--only")) {
                only.clear();
                for (String n : args[i + 1].split(",")) {
                    only.add(Integer.parseInt(n.trim()));
                }
            }
        }
        Path root = RepoRoot.locate();
        Path work = Files.createDirectories(root.resolve("benchmarks").resolve("target").resolve("bench-run"));
        // JMH's lock file, AppCDS archives and everything else stay under target/
        System.setProperty("java.io.tmpdir", Files.createDirectories(work.resolve("tmp")).toString());
        Options options = (quick ? Options.quick(root, work) : Options.full(root, work)).with(args);
        Report report = new Report();
        System.out.println(machine(options));
        try (BenchWorld world = BenchWorld.start(work)) {
            Workload workload = new Workload(world);
            figure(only, 1, () -> new ColdStartFigure(world, options, workload).run(report));
            figure(only, 2, () -> new WarmLatencyFigure(workload, options).run(report));
            figure(only, 2, () -> new JmhFigure(options).run(report));
            figure(only, 7, () -> new CostFigure(world, workload, options).run(report));
            figure(only, 3, () -> new HotCardFigure(workload, options).run(report));
            figure(only, 5, () -> new MemoryFigure(world, options, workload).run(report));
            figure(only, 6, () -> new SweeperFigure(world, options).run(report));
            figure(only, 8, () -> new CouponLoadFigure(world, options).run(report));
            figure(only, 9, () -> new AccountingFigure(options).run(report));
            figure(only, 10, () -> new ReportExportFigure(world, options).run(report));
            figure(only, 11, () -> new SegmentEvaluationFigure(world, options).run(report));
            figure(only, 12, () -> new ScheduledSendFigure(world, options, args).run(report));
            // last: its table load runs against a time budget
            figure(only, 4, () -> new ScalingFigure(world, options).run(report));
        }
        return report;
    }

    private interface Figure {
        void run() throws Exception;
    }

    private static void figure(List<Integer> only, int number, Figure figure) throws Exception {
        if (only.contains(number)) {
            long started = System.nanoTime();
            figure.run();
            System.err.printf(Locale.ROOT, "figure %d: %.1f s%n", number, (System.nanoTime() - started) / 1e9);
        }
    }

    static String machine(Options options) {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "machine: %s %s, %d cores, Java %s (%s); run: %s", System.getProperty("os.name"),
                System.getProperty("os.arch"), rt.availableProcessors(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), options.quick() ? "--quick (smoke sizes)" : "full");
    }
}
