package io.tally.bench;

import io.tally.bench.probe.MerchantEvents;
import io.tally.dynamo.dynalite.DynaliteServer;
import io.tally.dynamo.dynalite.LocalDynamo;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.dynamo.table.TallyTable;
import io.tally.lambda.http.MerchantApiHandler;
import io.tally.sqs.obs.Telemetry;
import io.tally.lambda.provisioning.SeedJson;
import io.tally.lambda.wiring.Settings;
import io.tally.lambda.wiring.TallyComponent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What every figure runs against: one in-memory dynalite, ElasticMQ (its own JVM) with the events queue, a
 * seeded Tally table ({@code bench-seed.json}: brand BENCH, a gift program without practical limits, an API
 * key) and the real handler built by Dagger, in process. Child processes get the same configuration
 * through {@link #lambdaEnvironment()}, exactly as the CDK stack sets it on Lambda.
 */
public final class BenchWorld implements AutoCloseable {
    public static final String KEY = "bench-pos";
    public static final String SECRET = "bench-secret-not-for-production";
    public static final String BRAND = "BENCH";
    public static final String LOCATION = "BENCH001";
    public static final String TERMINAL = "pos-1";

    private final DynaliteServer dynalite;
    private final SqsServer elasticMq;
    private final DynamoDbClient raw;
    private final String table;
    private final String queueUrl;
    private final TallyComponent component;
    private final MerchantApiHandler handler;

    private BenchWorld(DynaliteServer dynalite, SqsServer elasticMq, String table, String queueUrl) {
        this.dynalite = dynalite;
        this.elasticMq = elasticMq;
        this.table = table;
        this.queueUrl = queueUrl;
        this.raw = LocalDynamo.client(dynalite.endpoint());
        TallyTable.ensureExists(raw, table);
        // as deployed (catalogue cache), except: request log off in process (the figures go to standard output)
        // and no rate limit (not under test)
        Settings settings = Settings.local(table, queueUrl, dynalite.endpoint(), URI.create(elasticMq.endpoint()))
                .withRequestLog(false).withRateLimit(1e9, 1_000_000_000).withCatalogueTtl(Settings.DEFAULT_CATALOGUE_TTL)
                .withAuthCacheTtl(Settings.DEFAULT_AUTH_CACHE_TTL); // as deployed: warm calls authenticate from the cache
        this.component = TallyComponent.create(settings);
        component.applySeed().apply(new SeedJson().read(resource("/bench-seed.json")), true);
        this.handler = new MerchantApiHandler(component);
    }

    public static BenchWorld start(Path workDir) {
        return start(workDir, null);
    }

    /** With a data directory, dynalite keeps the table on disk (LevelDB): for tables too big for node's heap. */
    public static BenchWorld start(Path workDir, Path dataDirectory) {
        DynaliteServer.Builder builder = DynaliteServer.builder().logDirectory(workDir.resolve("dynalite"));
        if (dataDirectory != null) {
            builder.dataDirectory(dataDirectory);
        }
        DynaliteServer dynalite = builder.start();
        SqsServer elasticMq = null;
        try {
            elasticMq = SqsServer.start(workDir.resolve("elasticmq.log"));
            return new BenchWorld(dynalite, elasticMq, "tally-bench", elasticMq.eventsQueueUrl());
        } catch (RuntimeException | Error e) {
            if (elasticMq != null) {
                elasticMq.close();
            }
            dynalite.close();
            throw e;
        }
    }

    public MerchantApiHandler handler() {
        return handler;
    }

    public TallyComponent component() {
        return component;
    }

    /** A client with nothing of Tally's around it: the floors use it. */
    public DynamoDbClient raw() {
        return raw;
    }

    public String table() {
        return table;
    }

    public DynamoStorage storage() {
        return new DynamoStorage(raw, table);
    }

    public DynaliteServer dynalite() {
        return dynalite;
    }

    public MerchantEvents events() {
        return new MerchantEvents(KEY, SECRET, BRAND, LOCATION, TERMINAL);
    }

    /** The environment the CDK stack gives the function on Lambda, pointing at the local servers. */
    public Map<String, String> lambdaEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(Settings.TABLE_NAME, table);
        env.put(Settings.EVENTS_QUEUE_URL, queueUrl);
        env.put(Settings.DYNAMODB_ENDPOINT, dynalite.endpoint().toString());
        env.put(Settings.SQS_ENDPOINT, elasticMq.endpoint());
        env.put(Settings.SEAL_SECRET, Settings.LOCAL_SEAL_SECRET);
        env.put("AWS_REGION", "us-east-1");
        env.put(Telemetry.BRAND, BRAND);
        return env;
    }

    /** key secret brand location terminal: the probes' credential arguments. */
    public static java.util.List<String> credentialArgs() {
        return java.util.List.of(KEY, SECRET, BRAND, LOCATION, TERMINAL);
    }

    private static String resource(String name) {
        try (InputStream in = BenchWorld.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            raw.close();
            elasticMq.close();
        } finally {
            dynalite.close();
        }
    }
}
