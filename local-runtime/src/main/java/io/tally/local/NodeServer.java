package io.tally.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A protocol server run by node (cognito-local, s3rver) on 127.0.0.1 and a free port, that cannot outlive the JVM: a
 * watchdog preloaded into node exits when this JVM's pipe to it closes, and a shutdown hook stops it too.
 * {@link #close()} waits for the process to exit.
 */
public final class NodeServer implements AutoCloseable {
    public static final String HOST = "127.0.0.1";
    private static final String WATCHDOG = "process.stdin.on('end', () => process.exit(0));\n"
            + "process.stdin.on('error', () => process.exit(0));\nprocess.stdin.resume();\n";
    private final String name;
    private final Process process;
    private final OutputStream lifeline;
    private final int port;
    private final Path log;
    private final Thread hook;

    private NodeServer(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.lifeline = process.getOutputStream();
        this.port = port;
        this.log = log;
        this.hook = new Thread(this::stop, name + "-shutdown-" + port);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** A free port on 127.0.0.1 (for the server's arguments before {@link #start}). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /**
     * Runs {@code node --require <watchdog> script args…} in {@code dir} (its log {@code <name>.log} there) and returns
     * once it accepts connections on {@code port}.
     */
    public static NodeServer start(String name, Path script, List<String> args, Map<String, String> env, Path dir,
                                   int port) {
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException(name + " is not installed (" + script + " is missing): run `npm ci`");
        }
        try {
            Path watchdog = dir.resolve("stdin-watchdog.js");
            Files.writeString(watchdog, WATCHDOG);
            Path log = dir.resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of("node", "--require", watchdog.toString(), script.toString()));
            command.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().putAll(env);
            NodeServer server = new NodeServer(name, pb.start(), port, log);
            try {
                server.awaitReady(Duration.ofSeconds(20));
                return server;
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 200);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        throw new IllegalStateException(name + " did not listen on " + port + " within " + timeout + "; see " + log);
    }

    private void pause() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        stop();
    }

    private void stop() {
        try {
            lifeline.close();
        } catch (IOException gone) {
            // the process is on its way out
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
