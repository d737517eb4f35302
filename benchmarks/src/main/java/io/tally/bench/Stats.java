package io.tally.bench;

import java.util.Arrays;

/** Order statistics of a sample of durations (nanoseconds) or other measurements. */
public final class Stats {
    private final long[] sorted;

    private Stats(long[] sorted) {
        this.sorted = sorted;
    }

    public static Stats of(long[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        long[] copy = values.clone();
        Arrays.sort(copy);
        return new Stats(copy);
    }

    public static Stats of(java.util.List<Long> values) {
        return of(values.stream().mapToLong(Long::longValue).toArray());
    }

    /** Nearest-rank percentile, p in [0, 100]. */
    public long percentile(double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public long median() {
        return percentile(50);
    }

    public long min() {
        return sorted[0];
    }

    public long max() {
        return sorted[sorted.length - 1];
    }

    public int count() {
        return sorted.length;
    }

    public static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
