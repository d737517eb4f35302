package io.tally.local.cognito;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A cognito-local process (npm, the Cognito API for tests and local runs; see STACK.md) on 127.0.0.1 and a free port,
 * its data under the given folder ({@code <dir>/.cognito}). Pools use e-mail addresses as usernames. Like dynalite it
 * cannot outlive the JVM: a watchdog preloaded into node exits when this JVM's pipe to it closes.
 */
public final class CognitoLocalServer implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    private static final String CONFIG = "{\"UserPoolDefaults\":{\"UsernameAttributes\":[\"email\"]}}\n";
    private static final String WATCHDOG = "process.stdin.on('end', () => process.exit(0));\n"
            + "process.stdin.on('error', () => process.exit(0));\nprocess.stdin.resume();\n";
    private final Process process;
    private final OutputStream lifeline;
    private final int port;
    private final Path log;
    private final Thread hook;

    private CognitoLocalServer(Process process, int port, Path log) {
        this.process = process;
        this.lifeline = process.getOutputStream();
        this.port = port;
        this.log = log;
        this.hook = new Thread(this::stop, "cognito-local-shutdown-" + port);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Starts cognito-local from {@code repoRoot}'s node_modules with its data in {@code dataDirectory} (a fresh folder
     * keeps nothing from earlier runs) and returns once it accepts connections.
     */
    public static CognitoLocalServer start(Path repoRoot, Path dataDirectory) {
        Path cli = repoRoot.resolve("node_modules/cognito-local/lib/bin/start.js").toAbsolutePath();
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("cognito-local is not installed (" + cli + " is missing): run `npm ci` in " + repoRoot);
        }
        try {
            Path dir = Files.createDirectories(dataDirectory.toAbsolutePath().resolve(".cognito")).getParent();
            Files.writeString(dir.resolve(".cognito/config.json"), CONFIG);
            Path watchdog = dir.resolve("stdin-watchdog.js");
            Files.writeString(watchdog, WATCHDOG);
            int port = freePort();
            Path log = dir.resolve("cognito-local.log");
            ProcessBuilder pb = new ProcessBuilder(List.of("node", "--require", watchdog.toString(), cli.toString()))
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("PORT", Integer.toString(port));
            pb.environment().put("HOST", HOST);
            pb.environment().put("DEBUG", "");
            CognitoLocalServer server = new CognitoLocalServer(pb.start(), port, log);
            try {
                server.awaitReady(Duration.ofSeconds(20));
                return server;
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start cognito-local", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: the endpoint override of a Cognito client. */
    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + port);
    }

    /** Where cognito-local writes its log (reset codes appear there). */
    public Path log() {
        return log;
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("cognito-local exited with " + process.exitValue() + "; see " + log);
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 200);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        throw new IllegalStateException("cognito-local did not listen on " + port + " within " + timeout + "; see " + log);
    }

    private static void pause() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting cognito-local", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
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
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "cognito-local on " + endpoint();
    }
}
