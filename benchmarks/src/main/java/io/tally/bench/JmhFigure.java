package io.tally.bench;

import io.tally.bench.jmh.CampaignEvaluationBenchmark;
import io.tally.bench.jmh.CheckoutOverheadBenchmark;
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
                .include(CheckoutOverheadBenchmark.class.getName() + ".*")
                .include(CampaignEvaluationBenchmark.class.getName() + ".*")
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
            if (r.getParams().getBenchmark().startsWith(CampaignEvaluationBenchmark.class.getName())) {
                int campaigns = Integer.parseInt(r.getParams().getParam("campaigns"));
                int lines = Integer.parseInt(r.getParams().getParam("lines"));
                report.add(new Report.Row("2 campaigns (JMH)", "CampaignEngine.evaluate, " + campaigns + " campaigns x " + lines
                        + (lines == 1 ? " line" : " lines"),
                        String.format(java.util.Locale.ROOT, "p50 %.1f us, p99 %.1f us", p50, stats.getPercentile(99)),
                        "-", Double.NaN, "-", Report.Verdict.INFO,
                        String.format(java.util.Locale.ROOT, "%.3f us per campaign; JMH sample time, %d samples%s",
                                p50 / campaigns, stats.getN(), options.quick() ? " (smoke, not forked)" : ", 1 fork")));
                continue;
            }
            boolean checkout = r.getParams().getBenchmark().startsWith(CheckoutOverheadBenchmark.class.getName());
            if (checkout) {
                name = (name.equals("checkout") ? "checkout (50 campaigns, 20 lines)" : "redeem") + " with customRequestId";
            }
            double target = checkout ? CheckoutWorkload.OVERHEAD_TARGET_MS * 1000 : OVERHEAD_TARGET_US;
            report.add(new Report.Row("2 warm (JMH)", name + ", in-memory ports",
                    String.format(java.util.Locale.ROOT, "p50 %.1f us, p99 %.1f us", p50, stats.getPercentile(99)),
                    "storage excluded", Double.NaN, "own <= " + (int) (target / 1000) + " ms at p50",
                    p50 <= target ? Report.Verdict.MET : Report.Verdict.MISSED,
                    "JMH sample time, " + stats.getN() + " samples" + (options.quick() ? " (smoke, not forked)" : ", 1 fork")));
        }
    }
}
