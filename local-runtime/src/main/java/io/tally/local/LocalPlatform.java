package io.tally.local;

import io.tally.dynamo.dynalite.DynaliteServer;
import io.tally.dynamo.dynalite.LocalDynamo;
import io.tally.dynamo.dynalite.RepoRoot;
import io.tally.dynamo.table.TallyTable;
import io.tally.local.cognito.CognitoLocalServer;
import io.tally.local.cognito.StaffPool;
import io.tally.local.http.FrontSettings;
import io.tally.local.s3.S3rverServer;
import io.tally.local.http.LocalHttpFront;
import io.tally.local.sqs.ElasticMqServer;
import io.tally.local.sqs.LocalQueues;
import io.tally.local.sqs.LocalSqsEventSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole platform on one machine: dynalite with the table, ElasticMQ with the queues, cognito-local with the
 * staff user pool, s3rver with the Report Center's bucket, the HTTP
 * front and the SQS pollers calling the handlers in process. Start it with
 * {@link #start(LocalPlatformConfig, Function)}; {@link #close()} stops everything in reverse order.
 */
public final class LocalPlatform implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalPlatform.class);

    private final Deque<AutoCloseable> started;
    private final LocalEndpoints endpoints;

    private LocalPlatform(Deque<AutoCloseable> started, LocalEndpoints endpoints) {
        this.started = started;
        this.endpoints = endpoints;
    }

    /**
     * Starts dynalite, ensures the table, starts ElasticMQ and creates the queues, binds the HTTP
     * front, then asks {@code handlers} for the handler provider (it gets the endpoints, to wire
     * clients and queue URLs), and only then serves HTTP and polls the queues. If anything fails,
     * what was started is stopped again before the exception leaves.
     */
    public static LocalPlatform start(LocalPlatformConfig config, Function<LocalEndpoints, HandlerProvider> handlers) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(handlers, "handlers");
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            DynaliteServer dynalite = push(started, startDynalite(config));
            LOG.info("dynalite ready on {} ({})", dynalite.endpoint(),
                    dynalite.dataDirectory().map(d -> "data in " + d).orElse("in memory") + ", log " + dynalite.logFile());
            try (DynamoDbClient dynamo = LocalDynamo.client(dynalite.endpoint())) {
                TallyTable.ensureExists(dynamo, config.tableName());
            }
            LOG.info("table {} ready", config.tableName());

            ElasticMqServer elasticMq = push(started, ElasticMqServer.start());
            LocalQueues queues = elasticMq.createQueues(config.queueOptions());
            LOG.info("ElasticMQ ready on {} with queues {}", elasticMq.endpoint(),
                    queues.all().stream().map(q -> q.url() + " (DLQ " + q.deadLetterName() + ")").toList());

            CognitoLocalServer cognito = push(started, CognitoLocalServer.start(
                    config.repoRoot().orElseGet(RepoRoot::locate), cognitoData(config)));
            StaffPool staffPool = StaffPool.ensure(cognito.endpoint());
            LOG.info("cognito-local ready on {} with the staff pool {}", cognito.endpoint(), staffPool.poolId());

            S3rverServer s3 = push(started, S3rverServer.start(config.repoRoot().orElseGet(RepoRoot::locate),
                    dataBeside(config, "s3", "s3rver-")));
            LOG.info("s3rver ready on {} with the bucket {}", s3.endpoint(), S3rverServer.BUCKET);

            HandlerProvider[] provider = new HandlerProvider[1];
            LocalHttpFront front = push(started, LocalHttpFront.bind(FrontSettings.onPort(config.httpPort()),
                    function -> provider[0].httpHandler(function)));
            LocalEndpoints endpoints = new LocalEndpoints(dynalite.endpoint(), config.tableName(), elasticMq.endpoint(),
                    queues, front.baseUrl(), cognito.endpoint(), staffPool, s3.endpoint());
            provider[0] = Objects.requireNonNull(handlers.apply(endpoints), "handler provider");
            provider[0].localPages().forEach(front::addLocalPage);

            push(started, new LocalSqsEventSource(elasticMq.client(), queues, provider[0]::sqsHandler).start());
            LOG.info("SQS pollers started for {}", queues.all().stream().map(q -> q.name()).toList());
            front.start();
            LOG.info("HTTP front on {}", front.baseUrl());
            return new LocalPlatform(started, endpoints);
        } catch (RuntimeException | Error e) {
            closeAll(started, e);
            throw e;
        }
    }

    public LocalEndpoints endpoints() {
        return endpoints;
    }

    /** Stops the pollers, the HTTP front, ElasticMQ and dynalite, in that order. */
    @Override
    public void close() {
        closeAll(started, null);
        LOG.info("local platform stopped");
    }

    private static DynaliteServer startDynalite(LocalPlatformConfig config) {
        DynaliteServer.Builder builder = DynaliteServer.builder().logDirectory(config.logDirectory());
        config.repoRoot().ifPresent(builder::repoRoot);
        config.dynaliteDataDirectory().ifPresent(builder::dataDirectory);
        return builder.start();
    }

    /** Next to the DynamoDB data when that is kept (users survive a restart too), else a fresh folder under the logs. */
    private static Path cognitoData(LocalPlatformConfig config) {
        return dataBeside(config, "cognito", "cognito-");
    }

    /** A server's data folder: {@code name} beside the kept DynamoDB data, else a fresh folder under the logs. */
    private static Path dataBeside(LocalPlatformConfig config, String name, String tempPrefix) {
        try {
            if (config.dynaliteDataDirectory().isPresent()) {
                return config.dynaliteDataDirectory().get().toAbsolutePath().resolveSibling(name);
            }
            Files.createDirectories(config.logDirectory());
            return Files.createTempDirectory(config.logDirectory().toAbsolutePath(), tempPrefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data folder for " + name, e);
        }
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> started, T resource) {
        started.push(resource);
        return resource;
    }

    private static void closeAll(Deque<AutoCloseable> started, Throwable cause) {
        while (!started.isEmpty()) {
            AutoCloseable resource = started.pop();
            try {
                resource.close();
            } catch (Exception e) {
                if (cause != null) {
                    cause.addSuppressed(e);
                } else {
                    LOG.warn("stopping {} failed", resource, e);
                }
            }
        }
    }
}
