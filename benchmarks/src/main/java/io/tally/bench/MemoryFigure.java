package io.tally.bench;

import io.tally.bench.probe.MemoryProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Figure 5. Heap in use after full GCs, once initialised and after N requests, in a child JVM sized like a
 * 512 MB Lambda function with the runtime's defaults (serial GC, C1 only), for the real entry point and
 * for the bare-client floor making the floor's raw calls N times.
 */
final class MemoryFigure {
    static final List<String> FUNCTION_JVM = List.of("-XX:MaxRAM=512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final BenchWorld world;
    private final Options options;
    private final Workload workload;

    MemoryFigure(BenchWorld world, Options options, Workload workload) {
        this.world = world;
        this.options = options;
        this.workload = workload;
    }

    void run(Report report) throws Exception {
        Path dir = Files.createDirectories(options.workDir().resolve("memory"));
        Probe probe = new Probe(List.of(options.lambdaJar().toString(), options.probesJar().toString()),
                world.lambdaEnvironment(), dir.resolve("probes.log"));
        Workload.Request request = workload.memoryRequest();
        int n = options.memoryRequests();
        List<String> handlerArgs = new ArrayList<>(List.of("handler", Integer.toString(n)));
        handlerArgs.addAll(BenchWorld.credentialArgs());
        handlerArgs.add(request.method());
        handlerArgs.add(request.body());
        String[] h = probe.run(FUNCTION_JVM, MemoryProbe.class.getName(), handlerArgs).line().split(" ");
        Workload.FloorKeys k = workload.coldStartFloorKeys();
        String[] f = probe.run(FUNCTION_JVM, MemoryProbe.class.getName(), List.of("floor", Integer.toString(n),
                world.dynalite().endpoint().toString(), world.table(), k.readPk(), k.readSk(), "BENCH#MEMFLOOR")).line().split(" ");
        if (Integer.parseInt(h[2]) != n || Integer.parseInt(f[2]) != n) {
            throw new IllegalStateException("not every request succeeded: handler " + h[2] + ", floor " + f[2] + " of " + n);
        }
        long hInit = Long.parseLong(h[0]);
        long hAfter = Long.parseLong(h[1]);
        long fInit = Long.parseLong(f[0]);
        long fAfter = Long.parseLong(f[1]);
        report.add(new Report.Row("5 memory", "heap used after init", mb(hInit), mb(fInit), (double) hInit / fInit,
                "-", Report.Verdict.INFO, "512 MB function JVM (" + String.join(" ", FUNCTION_JVM) + "), after full GCs"));
        report.add(new Report.Row("5 memory", "heap used after " + n + " requests", mb(hAfter), mb(fAfter),
                (double) hAfter / fAfter, "-", Report.Verdict.INFO, request.roundTrips() + "; floor: the same raw calls "
                        + n + " times; growth " + mb(hAfter - hInit) + " (floor " + mb(fAfter - fInit) + ")"));
    }

    private static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }
}
