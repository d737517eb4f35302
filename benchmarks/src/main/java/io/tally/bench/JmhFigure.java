package io.tally.bench;

import io.tally.bench.jmh.HandlerOverheadBenchmark;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Figure 2's cross-check with JMH: {@link HandlerOverheadBenchmark}, the merchant API's own cost per request
 * on in-memory ports (sample time, p50 and p99). Forked in the full run; in process for the smoke run.
 */
final class JmhFigure {
    private static final double OVERHEAD_TARGET_US = 1000;

    private final Options options;

    JmhFigure(Options options) {
        this.options = options;
    }

    void run(Report report) throws Exception {
        var builder = new OptionsBuilder()
                .include(HandlerOverheadBenchmark.class.getName() + ".*")
                .forks(options.quick() ? 0 : 1)
                .warmupIterations(options.quick() ? 1 : 3)
                .warmupTime(TimeValue.milliseconds(options.quick() ? 200 : 2000))
                .measurementIterations(options.jmhIterations())
                .measurementTime(TimeValue.milliseconds(options.quick() ? 200 : 2000))
                .timeUnit(TimeUnit.MICROSECONDS)
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true);
        if (!options.quick()) {
            builder.jvmArgsAppend("-Xmx512m", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        }
        Collection<RunResult> results = new Runner(builder.build()).run();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            var stats = r.getPrimaryResult().getStatistics();
            double p50 = stats.getPercentile(50);
            report.add(new Report.Row("2 warm (JMH)", name + ", in-memory ports",
                    String.format(java.util.Locale.ROOT, "p50 %.1f us, p99 %.1f us", p50, stats.getPercentile(99)),
                    "storage excluded", Double.NaN, "own <= 1 ms at p50",
                    p50 <= OVERHEAD_TARGET_US ? Report.Verdict.MET : Report.Verdict.MISSED,
                    "JMH sample time, " + stats.getN() + " samples" + (options.quick() ? " (smoke, not forked)" : ", 1 fork")));
        }
    }
}
