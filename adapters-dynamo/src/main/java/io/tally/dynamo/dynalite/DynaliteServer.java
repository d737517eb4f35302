package io.tally.dynamo.dynalite;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A dynalite process (the npm DynamoDB protocol server, see STACK.md) on 127.0.0.1 and a free port,
 * in memory unless given a data directory. For tests and the local runtime only: the Lambda jar
 * leaves this package out.
 *
 * <p>The process cannot outlive the JVM: {@link #close()} and a shutdown hook stop it, and a
 * preloaded watchdog script ends node when its stdin (a pipe from this JVM) closes, which also
 * covers a JVM killed with SIGKILL.
 */
public final class DynaliteServer implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    private static final int MIN_NODE_MAJOR = 18;
    private static final int PORT_ATTEMPTS = 3;
    private static final String WATCHDOG_JS = """
            // written by DynaliteServer: ends dynalite when the JVM that started it goes away
            process.stdin.on('end', () => process.exit(0));
            process.stdin.on('error', () => process.exit(0));
            process.stdin.resume();
            """;

    private final Process process;
    private final OutputStream lifeline;
    private final int port;
    private final Path logFile;
    private final Optional<Path> dataDirectory;
    private final Thread shutdownHook;

    private DynaliteServer(Process process, int port, Path logFile, Optional<Path> dataDirectory) {
        this.process = process;
        this.lifeline = process.getOutputStream();
        this.port = port;
        this.logFile = logFile;
        this.dataDirectory = dataDirectory;
        this.shutdownHook = new Thread(this::stopProcess, "dynalite-shutdown-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** An in-memory dynalite with the defaults: repository found by {@link RepoRoot}, log under its target/. */
    public static DynaliteServer startInMemory() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<port>}: give it to {@link LocalDynamo#client(URI)}. */
    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + port);
    }

    public int port() {
        return port;
    }

    /** Where dynalite's stdout and stderr go. */
    public Path logFile() {
        return logFile;
    }

    /** The LevelDB folder, or empty when the data lives in memory and dies with the process. */
    public Optional<Path> dataDirectory() {
        return dataDirectory;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Stops dynalite and anything it spawned; idempotent. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway
        }
        stopProcess();
    }

    private void stopProcess() {
        try {
            lifeline.close();
        } catch (IOException ignored) {
            // the pipe is already gone: the process is on its way out
        }
        List<ProcessHandle> descendants = new ArrayList<>(process.descendants().toList());
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public String toString() {
        return "dynalite on " + endpoint() + dataDirectory.map(d -> " (data in " + d + ")").orElse(" (in memory)");
    }

    /** Options; every one has a default. */
    public static final class Builder {
        private Path repoRoot;
        private Path dataDirectory;
        private Path logDirectory;
        private int port;
        private Duration startTimeout = Duration.ofSeconds(20);

        private Builder() {
        }

        /** The checkout with node_modules/dynalite; default {@link RepoRoot#locate()}. */
        public Builder repoRoot(Path repoRoot) {
            this.repoRoot = Objects.requireNonNull(repoRoot);
            return this;
        }

        /** Keep the data on disk in this folder (dynalite {@code --path}); default: in memory. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = Objects.requireNonNull(dataDirectory);
            return this;
        }

        /** Where the log file goes; default {@code <repo>/target/dynalite}. */
        public Builder logDirectory(Path logDirectory) {
            this.logDirectory = Objects.requireNonNull(logDirectory);
            return this;
        }

        /** A fixed port; default 0, a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = Objects.requireNonNull(startTimeout);
            return this;
        }

        /** Starts dynalite and returns once it accepts connections. */
        public DynaliteServer start() {
            Path root = repoRoot != null ? repoRoot : RepoRoot.locate();
            Path cli = root.resolve("node_modules").resolve("dynalite").resolve("cli.js");
            if (!Files.isRegularFile(cli)) {
                throw new IllegalStateException("dynalite is not installed (" + cli + " is missing): run `npm ci` in " + root);
            }
            NodeRuntime.requireAtLeast(MIN_NODE_MAJOR);
            Path logs = (logDirectory != null ? logDirectory : root.resolve("target").resolve("dynalite")).toAbsolutePath();
            Path watchdog = writeWatchdog(logs);
            Optional<Path> data = Optional.ofNullable(dataDirectory).map(Path::toAbsolutePath);
            data.ifPresent(DynaliteServer::createDirectories);
            DynaliteStartFailed last = null;
            for (int attempt = 0; attempt < (port == 0 ? PORT_ATTEMPTS : 1); attempt++) {
                int chosen = port != 0 ? port : freePort();
                try {
                    return launch(root, cli, watchdog, logs.resolve("dynalite-" + chosen + ".log"), chosen, data);
                } catch (DynaliteStartFailed failed) {
                    last = failed; // most likely the free port was taken meanwhile: try another
                }
            }
            throw last;
        }

        private DynaliteServer launch(Path root, Path cli, Path watchdog, Path log, int chosenPort, Optional<Path> data) {
            List<String> command = new ArrayList<>(List.of(NodeRuntime.NODE, "--require", watchdog.toString(), cli.toString(),
                    "--host", HOST, "--port", Integer.toString(chosenPort),
                    "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
            data.ifPresent(d -> command.addAll(List.of("--path", d.toString())));
            Process process;
            try {
                process = new ProcessBuilder(command)
                        .directory(root.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
            }
            DynaliteServer server = new DynaliteServer(process, chosenPort, log, data);
            try {
                awaitReady(process, chosenPort, log);
                return server;
            } catch (RuntimeException | Error e) {
                server.close();
                throw e;
            }
        }

        private void awaitReady(Process process, int chosenPort, Path log) {
            long deadline = System.nanoTime() + startTimeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new DynaliteStartFailed("dynalite exited with code " + process.exitValue()
                            + " before accepting connections on port " + chosenPort + "; log " + log + ":\n" + tail(log));
                }
                if (logSaysListening(log) && accepts(chosenPort)) {
                    return;
                }
                sleep(20);
            }
            throw new DynaliteStartFailed("dynalite did not accept connections on port " + chosenPort + " within "
                    + startTimeout.toMillis() + " ms; log " + log + ":\n" + tail(log));
        }
    }

    private static boolean logSaysListening(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8).contains("Dynalite listening at");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }

    private static Path writeWatchdog(Path logs) {
        createDirectories(logs);
        Path file = logs.resolve("dynalite-stdin-watchdog.js");
        try {
            Files.writeString(file, WATCHDOG_JS, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting dynalite", e);
        }
    }

    /** dynalite did not come up; the message carries the tail of its log. */
    public static final class DynaliteStartFailed extends IllegalStateException {
        DynaliteStartFailed(String message) {
            super(message);
        }
    }
}
