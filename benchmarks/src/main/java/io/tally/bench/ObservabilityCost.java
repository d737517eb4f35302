package io.tally.bench;

import io.tally.bench.probe.FloorPowertoolsProbe;
import io.tally.bench.probe.FloorProbe;
import io.tally.bench.probe.FloorTallyObsProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Figure 1's row pair on the cost of observability at a cold start, in the same run as the handler's rows: the floor
 * plus Powertools for AWS Lambda (Java) logging and metrics, and the floor plus the hand-written {@code io.tally.sqs.obs}
 * (each writes one log line and flushes one metric), each against the bare floor; floor, hand-written and Powertools
 * runs alternate, all three with {@code AWS_LAMBDA_FUNCTION_NAME} set as on Lambda. JVM flags {@code -XX:TieredStopAtLevel=1} (as deployed; no AppCDS archive for either).
 * The decision it informs is in docs/PERFORMANCE.md, "Observability cost".
 */
final class ObservabilityCost {
    private static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1");

    private final Options options;
    private final Path dir;
    private final Map<String, String> environment;

    ObservabilityCost(Options options, Path dir, Map<String, String> environment) {
        this.options = options;
        this.dir = dir;
        Map<String, String> env = new LinkedHashMap<>(environment);
        // as on Lambda: Powertools' EMF library picks its console sink from this (elsewhere it looks for an agent)
        env.put("AWS_LAMBDA_FUNCTION_NAME", "probe");
        this.environment = Map.copyOf(env);
    }

    void run(Report report, Supplier<List<String>> floorArgs) throws IOException {
        Path lib = options.repoRoot().resolve("benchmarks").resolve("target").resolve("powertools-lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(lib + " is missing: build with `mvn -pl benchmarks -am package -DskipTests`");
        }
        List<String> base = List.of(options.lambdaJar().toString(), options.probesJar().toString());
        List<String> withPowertools = new ArrayList<>(base);
        try (Stream<Path> jars = Files.list(lib)) {
            jars.filter(j -> j.toString().endsWith(".jar")).sorted().forEach(j -> withPowertools.add(j.toString()));
        }
        Probe plain = new Probe(base, environment, dir.resolve("observability-probes.log"));
        Probe powertools = new Probe(withPowertools, environment, dir.resolve("observability-probes.log"));
        List<Long> floor = new ArrayList<>();
        List<Long> ours = new ArrayList<>();
        List<Long> theirs = new ArrayList<>();
        for (int i = 0; i < options.coldRuns(); i++) {
            floor.add(plain.run(FLAGS, FloorProbe.class.getName(), floorArgs.get()).nanos());
            ours.add(plain.run(FLAGS, FloorTallyObsProbe.class.getName(), floorArgs.get()).nanos());
            theirs.add(powertools.run(FLAGS, FloorPowertoolsProbe.class.getName(), floorArgs.get()).nanos());
        }
        Stats f = Stats.of(floor);
        report.add(row("floor + Powertools logging and metrics (one log line, one metric flushed)", Stats.of(theirs), f,
                (withPowertools.size() - base.size()) + " jars of Powertools 2.9.0 and its dependencies on the class path"));
        report.add(row("floor + our hand-written logger and EMF (same)", Stats.of(ours), f, "io.tally.sqs.obs, in tally-lambda.jar"));
    }

    private static Report.Row row(String what, Stats s, Stats floor, String note) {
        double ratio = (double) s.median() / floor.median();
        return new Report.Row("1 cold start", what + ", -XX:TieredStopAtLevel=1",
                Report.ms0(s.median()) + " (" + Report.ms0(s.min()) + "-" + Report.ms0(s.max()) + ")",
                Report.ms0(floor.median()) + " (" + Report.ms0(floor.min()) + "-" + Report.ms0(floor.max()) + ")",
                ratio, "-", Report.Verdict.INFO, "median (min-max) of " + s.count() + " process runs each, alternating with "
                        + "the floor; cost = median - floor median = " + Report.ms0(s.median() - floor.median()) + "; " + note);
    }
}
