package io.tally.local.s3;

import io.tally.local.NodeServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An s3rver process (npm, the S3 API for tests and local runs; see STACK.md) on 127.0.0.1 and a free port, with the
 * bucket {@link #BUCKET} and its objects under the given folder. Clients must be path-style, unchunked and sign with
 * the key pair {@code S3RVER}/{@code S3RVER} (io.tally.sqs.s3.ReportStorage does all three for an endpoint).
 * Stopped by what started it; it cannot outlive the JVM ({@link NodeServer}).
 */
public final class S3rverServer implements AutoCloseable {
    /** The bucket {@code ./tally up} and the tests create. */
    public static final String BUCKET = "tally-reports";
    private final NodeServer server;

    private S3rverServer(NodeServer server) {
        this.server = server;
    }

    /** Starts s3rver from {@code repoRoot}'s node_modules, objects in {@code dataDirectory/objects}. */
    public static S3rverServer start(Path repoRoot, Path dataDirectory) {
        try {
            Path dir = Files.createDirectories(dataDirectory.toAbsolutePath());
            Path objects = Files.createDirectories(dir.resolve("objects"));
            int port = NodeServer.freePort();
            return new S3rverServer(NodeServer.start("s3rver", repoRoot.resolve("node_modules/s3rver/bin/s3rver.js")
                    .toAbsolutePath(), List.of("-d", objects.toString(), "-p", Integer.toString(port), "-a",
                    NodeServer.HOST, "--no-vhost-buckets", "--configure-bucket", BUCKET), Map.of(), dir, port));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create s3rver's data folder", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: the endpoint override of an S3 client. */
    public URI endpoint() {
        return URI.create("http://" + NodeServer.HOST + ":" + server.port());
    }

    public Path log() {
        return server.log();
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "s3rver on " + endpoint();
    }
}
