package io.tally.bench;

import java.nio.file.Path;

/**
 * How big a run is. {@link #quick} is the smoke run of the test command (seconds, tiny sizes: it proves
 * each benchmark still runs and prints sane numbers); {@link #full} produces docs/PERFORMANCE.md.
 */
public record Options(boolean quick, Path repoRoot, Path workDir, int coldRuns, int warmWarmup, int warmSamples,
                      int hotSeconds, int[] hotWriters, int[] historySizes, int[] tableSizes, int scalingSamples,
                      long tableBudgetSeconds, int memoryRequests, int jmhIterations) {

    public static Options quick(Path repoRoot, Path workDir) {
        return new Options(true, repoRoot, workDir, 1, 20, 20, 1, new int[] {1, 8}, new int[] {10, 100},
                new int[] {10, 200}, 10, 60, 100, 1);
    }

    public static Options full(Path repoRoot, Path workDir) {
        return new Options(false, repoRoot, workDir, 9, 1_000, 2_000, 10, new int[] {1, 8, 32},
                new int[] {10, 1_000, 100_000}, new int[] {10, 1_000_000}, 300, 900, 10_000, 5);
    }

    public Path lambdaJar() {
        return repoRoot.resolve("adapters-lambda").resolve("target").resolve("tally-lambda.jar");
    }

    public Path probesJar() {
        return repoRoot.resolve("benchmarks").resolve("target").resolve("tally-benchmarks-0.1.0-SNAPSHOT-probes.jar");
    }
}
