package io.tally.bench.probe;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/** What the probes print for the parent process, one marked line each. */
public final class Probes {
    /** The parent stops its clock when it reads a line starting with this. */
    public static final String MARKER = "TALLY-PROBE ";

    private Probes() {
    }

    static void report(String line) {
        PrintStream out = System.out;
        out.println(MARKER + line.replace('\n', ' '));
        out.flush();
    }

    /** Heap in use after full collections, in bytes. */
    static long heapUsedAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
