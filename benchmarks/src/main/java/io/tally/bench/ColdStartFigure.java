package io.tally.bench;

import io.tally.bench.probe.FloorProbe;
import io.tally.bench.probe.HandlerProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Figure 1. Wall time from process start to the first response of the real entry point (the shaded Lambda
 * jar, configured from the environment like on Lambda) against a floor JVM that builds a bare
 * DynamoDbClient and makes one consistent read and one conditional write. Floor and handler runs
 * alternate, so both see the same machine; the median of the runs is reported, per set of JVM flags.
 */
final class ColdStartFigure {
    private static final double TARGET = 1.5;

    private final BenchWorld world;
    private final Options options;
    private final Workload workload;

    ColdStartFigure(BenchWorld world, Options options, Workload workload) {
        this.world = world;
        this.options = options;
        this.workload = workload;
    }

    void run(Report report) throws Exception {
        for (Path jar : List.of(options.lambdaJar(), options.probesJar())) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build with `mvn -pl benchmarks -am package -DskipTests`");
            }
        }
        Path dir = Files.createDirectories(options.workDir().resolve("coldstart"));
        Probe probe = new Probe(List.of(options.lambdaJar().toString(), options.probesJar().toString()),
                world.lambdaEnvironment(), dir.resolve("probes.log"));
        Workload.Request first = workload.coldStartRequest();
        List<String> handlerArgs = new ArrayList<>(BenchWorld.credentialArgs());
        handlerArgs.add(first.method());
        handlerArgs.add(first.body());
        Path handlerCds = dir.resolve("handler.jsa");
        Path floorCds = dir.resolve("floor.jsa");
        Files.deleteIfExists(handlerCds);
        Files.deleteIfExists(floorCds);
        int[] run = {0};
        // training runs write the AppCDS archives (dynamic archive at exit, JDK 13+) and log the classes they load
        Path handlerClasses = dir.resolve("handler-classes.log");
        Path floorClasses = dir.resolve("floor-classes.log");
        probe.run(List.of("-XX:ArchiveClassesAtExit=" + handlerCds, "-XX:TieredStopAtLevel=1", classLog(handlerClasses)),
                HandlerProbe.class.getName(), handlerArgs);
        probe.run(List.of("-XX:ArchiveClassesAtExit=" + floorCds, "-XX:TieredStopAtLevel=1", classLog(floorClasses)),
                FloorProbe.class.getName(), floorArgs(run));
        report.add(classesRow(first, ClassLog.read(handlerClasses), ClassLog.read(floorClasses)));

        record Flags(String name, List<String> handler, List<String> floor, String note) {
        }
        List<Flags> configurations = List.of(
                new Flags("default flags", List.of(), List.of(), "C2 and G1: no Lambda Java 17 or 21 function starts so; "),
                // the flags a deployed function starts with: the stack's JAVA_TOOL_OPTIONS (infra-cdk Functions), which
                // are also what Lambda's Java 17 and 21 runtimes set by default
                new Flags("-XX:TieredStopAtLevel=1", List.of("-XX:TieredStopAtLevel=1"), List.of("-XX:TieredStopAtLevel=1"),
                        "the deployed flags; "),
                new Flags("AppCDS archive + TieredStopAtLevel=1",
                        List.of("-XX:SharedArchiveFile=" + handlerCds, "-XX:TieredStopAtLevel=1"),
                        List.of("-XX:SharedArchiveFile=" + floorCds, "-XX:TieredStopAtLevel=1"), ""));
        for (Flags flags : configurations) {
            List<Long> handlerTimes = new ArrayList<>();
            List<Long> floorTimes = new ArrayList<>();
            Phases handlerPhases = new Phases();
            Phases floorPhases = new Phases();
            for (int i = 0; i < options.coldRuns(); i++) {
                Probe.Result h = probe.run(flags.handler(), HandlerProbe.class.getName(), handlerArgs);
                if (!h.line().startsWith("200 ")) {
                    throw new IllegalStateException("the handler's first response was not 200: " + h.line());
                }
                handlerTimes.add(h.nanos());
                handlerPhases.add(h);
                Probe.Result f = probe.run(flags.floor(), FloorProbe.class.getName(), floorArgs(run));
                floorTimes.add(f.nanos());
                floorPhases.add(f);
            }
            Stats h = Stats.of(handlerTimes);
            Stats f = Stats.of(floorTimes);
            double ratio = (double) h.median() / f.median();
            report.add(new Report.Row("1 cold start", first.method() + ", " + flags.name(),
                    Report.ms0(h.median()) + " (" + Report.ms0(h.min()) + "-" + Report.ms0(h.max()) + ")",
                    Report.ms0(f.median()) + " (" + Report.ms0(f.min()) + "-" + Report.ms0(f.max()) + ")",
                    ratio, "<= " + TARGET + "x", ratio <= TARGET ? Report.Verdict.MET : Report.Verdict.MISSED,
                    flags.note() + "median (min-max) of " + h.count() + " process runs each; " + first.roundTrips() + "; handler "
                            + handlerPhases + "; floor " + floorPhases));
        }
        new ObservabilityCost(options, dir, world.lambdaEnvironment()).run(report, () -> floorArgs(run));
    }

    private static String classLog(Path file) throws java.io.IOException {
        Files.deleteIfExists(file);
        return "-Xlog:class+load:file=" + file + ":none";
    }

    /**
     * The deterministic companion of the timed rows: how many classes the first call loads, and whether it bootstraps
     * {@code java.lang.runtime.ObjectMethods} (a record's generated {@code equals}, {@code hashCode} or
     * {@code toString}; 40-70 ms at a cold start, which the floor never pays: PERFORMANCE.md, "Records written out").
     */
    private static Report.Row classesRow(Workload.Request first, ClassLog handler, ClassLog floor) {
        return new Report.Row("1 cold start", first.method() + ", classes loaded (training run, C1)",
                handler + "; records' ObjectMethods " + (handler.objectMethods() ? "BOOTSTRAPPED" : "not bootstrapped"),
                floor.toString(), (double) handler.classes() / floor.classes(), "no ObjectMethods",
                handler.objectMethods() ? Report.Verdict.MISSED : Report.Verdict.MET,
                "from -Xlog:class+load of the AppCDS training runs; hidden classes are lambdas and method handle forms");
    }

    /** What one probe's {@code -Xlog:class+load} file says. */
    record ClassLog(int classes, int hidden, boolean objectMethods) {
        static ClassLog read(Path file) throws java.io.IOException {
            List<String> lines = Files.readAllLines(file);
            int hidden = 0;
            boolean objectMethods = false;
            for (String line : lines) {
                hidden += line.contains("/0x") ? 1 : 0;
                objectMethods |= line.startsWith("java.lang.runtime.ObjectMethods ");
            }
            return new ClassLog(lines.size(), hidden, objectMethods);
        }

        @Override
        public String toString() {
            return classes + " classes, " + hidden + " hidden";
        }
    }

    private List<String> floorArgs(int[] run) {
        Workload.FloorKeys k = workload.coldStartFloorKeys();
        return List.of(world.dynalite().endpoint().toString(), world.table(), k.readPk(), k.readSk(),
                "BENCH#FLOOR", "RUN#" + (run[0]++));
    }


    /** Medians of where a probe's time went: JVM start to main, init, first response. */
    private static final class Phases {
        private final List<Long> boot = new ArrayList<>();
        private final List<Long> init = new ArrayList<>();
        private final List<Long> first = new ArrayList<>();

        void add(Probe.Result r) {
            String[] f = r.line().split(" ", 4);
            long i = Long.parseLong(f[1]);
            long q = Long.parseLong(f[2]);
            init.add(i);
            first.add(q);
            boot.add(r.nanos() - i - q);
        }

        @Override
        public String toString() {
            return "JVM+main " + Report.ms0(Stats.of(boot).median()) + ", init " + Report.ms0(Stats.of(init).median())
                    + ", first call(s) " + Report.ms0(Stats.of(first).median());
        }
    }
}
