package io.tally.local;

import io.tally.local.sqs.QueueOptions;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run the local platform. Everything binds 127.0.0.1.
 *
 * @param httpPort the HTTP front's port (0 = a free one)
 * @param tableName the single table's name
 * @param dynaliteDataDirectory keep DynamoDB data on disk there; empty = in memory, gone at exit
 * @param logDirectory where dynalite's log goes (e.g. {@code .tally/logs} or {@code target/...})
 * @param repoRoot the checkout with node_modules/dynalite; empty = found by {@code RepoRoot.locate()}
 * @param queueOptions queue names and visibility timeout ({@link QueueOptions#asDeployed()} normally)
 */
public record LocalPlatformConfig(
        int httpPort,
        String tableName,
        Optional<Path> dynaliteDataDirectory,
        Path logDirectory,
        Optional<Path> repoRoot,
        QueueOptions queueOptions) {

    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final String DEFAULT_TABLE_NAME = "tally";

    public LocalPlatformConfig {
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(dynaliteDataDirectory, "dynaliteDataDirectory");
        Objects.requireNonNull(logDirectory, "logDirectory");
        Objects.requireNonNull(repoRoot, "repoRoot");
        Objects.requireNonNull(queueOptions, "queueOptions");
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("port out of range: " + httpPort);
        }
    }

    /** Port 8080, table "tally", data in memory, the real queue names. */
    public static LocalPlatformConfig defaults(Path logDirectory) {
        return new LocalPlatformConfig(DEFAULT_HTTP_PORT, DEFAULT_TABLE_NAME, Optional.empty(), logDirectory,
                Optional.empty(), QueueOptions.asDeployed());
    }

    public LocalPlatformConfig withHttpPort(int port) {
        return new LocalPlatformConfig(port, tableName, dynaliteDataDirectory, logDirectory, repoRoot, queueOptions);
    }

    public LocalPlatformConfig withTableName(String name) {
        return new LocalPlatformConfig(httpPort, name, dynaliteDataDirectory, logDirectory, repoRoot, queueOptions);
    }

    public LocalPlatformConfig withDynaliteDataDirectory(Path dir) {
        return new LocalPlatformConfig(httpPort, tableName, Optional.of(dir), logDirectory, repoRoot, queueOptions);
    }

    public LocalPlatformConfig withRepoRoot(Path root) {
        return new LocalPlatformConfig(httpPort, tableName, dynaliteDataDirectory, logDirectory, Optional.of(root), queueOptions);
    }

    public LocalPlatformConfig withQueueOptions(QueueOptions options) {
        return new LocalPlatformConfig(httpPort, tableName, dynaliteDataDirectory, logDirectory, repoRoot, options);
    }
}
