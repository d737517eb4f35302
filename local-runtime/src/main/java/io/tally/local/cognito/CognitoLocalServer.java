package io.tally.local.cognito;

import io.tally.local.NodeServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A cognito-local process (npm, the Cognito API for tests and local runs; see STACK.md) on 127.0.0.1 and a free port, its
 * data under the given folder ({@code <dir>/.cognito}). Pools use e-mail addresses as usernames. Like dynalite it
 * cannot outlive the JVM ({@link NodeServer}).
 */
public final class CognitoLocalServer implements AutoCloseable {
    static final String HOST = NodeServer.HOST;
    private static final String CONFIG = "{\"UserPoolDefaults\":{\"UsernameAttributes\":[\"email\"]}}\n";
    private final NodeServer server;

    private CognitoLocalServer(NodeServer server) {
        this.server = server;
    }

    /**
     * Starts cognito-local from {@code repoRoot}'s node_modules with its data in {@code dataDirectory} (a fresh folder
     * keeps nothing from earlier runs) and returns once it accepts connections.
     */
    public static CognitoLocalServer start(Path repoRoot, Path dataDirectory) {
        Path cli = repoRoot.resolve("node_modules/cognito-local/lib/bin/start.js").toAbsolutePath();
        try {
            Path dir = Files.createDirectories(dataDirectory.toAbsolutePath().resolve(".cognito")).getParent();
            Files.writeString(dir.resolve(".cognito/config.json"), CONFIG);
            int port = NodeServer.freePort();
            return new CognitoLocalServer(NodeServer.start("cognito-local", cli, List.of(),
                    Map.of("PORT", Integer.toString(port), "HOST", HOST, "DEBUG", ""), dir, port));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start cognito-local", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: the endpoint override of a Cognito client. */
    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + server.port());
    }

    /** Where cognito-local writes its log (reset codes appear there). */
    public Path log() {
        return server.log();
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "cognito-local on " + endpoint();
    }
}
