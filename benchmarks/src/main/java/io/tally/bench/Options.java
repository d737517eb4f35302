package io.tally.bench;

import java.nio.file.Path;

/**
 * How big a run is. {@link #quick} is the smoke run of the test command (seconds, tiny sizes: it proves
 * each benchmark still runs and prints sane numbers); {@link #full} produces docs/PERFORMANCE.md.
 */
public record Options(boolean quick, Path repoRoot, Path workDir, int coldRuns, int warmWarmup, int warmSamples,
                      int hotSeconds, int[] hotWriters, int[] historySizes, int[] tableSizes, int scalingSamples,
                      long tableBudgetSeconds, int memoryRequests, int jmhIterations, int sweepCards,
                      int sweepSuperseded, int couponCodes, int accountingEntries) {

    public static Options quick(Path repoRoot, Path workDir) {
        return new Options(true, repoRoot, workDir, 1, 10, 10, 1, new int[] {1, 8}, new int[] {10, 100},
                new int[] {10, 200}, 10, 60, 50, 1, 20, 5, 2_000, 5_000);
    }

    public static Options full(Path repoRoot, Path workDir) {
        return new Options(false, repoRoot, workDir, 9, 300, 1_000, 10, new int[] {1, 8, 32},
                new int[] {10, 1_000, 100_000}, new int[] {10, 1_000_000}, 300, 900, 10_000, 3, 2_000, 50, 1_000_000,
                1_000_000);
    }

    public Path lambdaJar() {
        return repoRoot.resolve("adapters-lambda").resolve("target").resolve("tally-lambda.jar");
    }

    public Path probesJar() {
        return repoRoot.resolve("benchmarks").resolve("target").resolve("tally-benchmarks-0.1.0-SNAPSHOT-probes.jar");
    }

    /**
     * Overrides from the command line: {@code --history 10,1000}, {@code --table 10,100000}, {@code --budget 600},
     * {@code --sweep 2000,50} (figure 6: due cards, superseded names each), {@code --coupons 1000000} (figure 8: codes
     * generated and loaded), {@code --accounting 1000000} (figure 9: ledger entries of the year rolled up).
     */
    public Options with(String[] args) {
        Options o = this;
        for (int i = 0; i < args.length - 1; i++) {
            switch (args[i]) {
                case "--history" -> o = new Options(o.quick, o.repoRoot, o.workDir, o.coldRuns, o.warmWarmup, o.warmSamples,
                        o.hotSeconds, o.hotWriters, ints(args[i + 1]), o.tableSizes, o.scalingSamples, o.tableBudgetSeconds,
                        o.memoryRequests, o.jmhIterations, o.sweepCards, o.sweepSuperseded, o.couponCodes, o.accountingEntries);
                case "--table" -> o = new Options(o.quick, o.repoRoot, o.workDir, o.coldRuns, o.warmWarmup, o.warmSamples,
                        o.hotSeconds, o.hotWriters, o.historySizes, ints(args[i + 1]), o.scalingSamples, o.tableBudgetSeconds,
                        o.memoryRequests, o.jmhIterations, o.sweepCards, o.sweepSuperseded, o.couponCodes, o.accountingEntries);
                case "--budget" -> o = new Options(o.quick, o.repoRoot, o.workDir, o.coldRuns, o.warmWarmup, o.warmSamples,
                        o.hotSeconds, o.hotWriters, o.historySizes, o.tableSizes, o.scalingSamples,
                        Long.parseLong(args[i + 1]), o.memoryRequests, o.jmhIterations, o.sweepCards, o.sweepSuperseded, o.couponCodes, o.accountingEntries);
                case "--samples" -> o = new Options(o.quick, o.repoRoot, o.workDir, o.coldRuns, o.warmWarmup, o.warmSamples,
                        o.hotSeconds, o.hotWriters, o.historySizes, o.tableSizes, Integer.parseInt(args[i + 1]),
                        o.tableBudgetSeconds, o.memoryRequests, o.jmhIterations, o.sweepCards, o.sweepSuperseded, o.couponCodes, o.accountingEntries);
                case "--sweep" -> {
                    int[] v = ints(args[i + 1]);
                    o = new Options(o.quick, o.repoRoot, o.workDir, o.coldRuns, o.warmWarmup, o.warmSamples, o.hotSeconds,
                            o.hotWriters, o.historySizes, o.tableSizes, o.scalingSamples, o.tableBudgetSeconds,
                            o.memoryRequests, o.jmhIterations, v[0], v.length > 1 ? v[1] : o.sweepSuperseded, o.couponCodes, o.accountingEntries);
                }
                case "--coupons" -> o = new Options(o.quick, o.repoRoot, o.workDir, o.coldRuns, o.warmWarmup,
                        o.warmSamples, o.hotSeconds, o.hotWriters, o.historySizes, o.tableSizes, o.scalingSamples,
                        o.tableBudgetSeconds, o.memoryRequests, o.jmhIterations, o.sweepCards, o.sweepSuperseded,
                        count(args[i + 1]), o.accountingEntries);
                case "--accounting" -> o = new Options(o.quick, o.repoRoot, o.workDir, o.coldRuns, o.warmWarmup,
                        o.warmSamples, o.hotSeconds, o.hotWriters, o.historySizes, o.tableSizes, o.scalingSamples,
                        o.tableBudgetSeconds, o.memoryRequests, o.jmhIterations, o.sweepCards, o.sweepSuperseded,
                        o.couponCodes, count(args[i + 1]));
                default -> {
                }
            }
        }
        return o;
    }

    private static int count(String text) {
        return Integer.parseInt(text.replace("_", "").replace(",", ""));
    }

    private static int[] ints(String csv) {
        return java.util.Arrays.stream(csv.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }
}
