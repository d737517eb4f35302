package io.tally.bench;

import io.tally.bench.probe.Probes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a probe class in a child JVM and times it: wall time from just before the process is started to
 * the moment its marked line is read, as the time to the first response.
 */
final class Probe {
    private final List<String> classPath;
    private final Map<String, String> environment;
    private final Path logFile;

    Probe(List<String> classPath, Map<String, String> environment, Path logFile) {
        this.classPath = classPath;
        this.environment = environment;
        this.logFile = logFile;
    }

    record Result(long nanos, String line) {
    }

    Result run(List<String> jvmFlags, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, classPath));
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(Probes.MARKER)) {
                    long elapsed = System.nanoTime() - started;
                    drain(out);
                    await(process, command);
                    return new Result(elapsed, line.substring(Probes.MARKER.length()));
                }
            }
            await(process, command);
            throw new IllegalStateException("probe ended without a result (exit " + process.exitValue() + "): "
                    + command + "; see " + logFile);
        } catch (IOException e) {
            process.destroyForcibly();
            throw new UncheckedIOException(e);
        }
    }

    private static void drain(BufferedReader out) throws IOException {
        while (out.readLine() != null) {
            // the request log and anything else the probe prints after its result
        }
    }

    private static void await(Process process, List<String> command) {
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("probe did not exit: " + command);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
