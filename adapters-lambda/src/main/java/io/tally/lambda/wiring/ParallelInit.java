package io.tally.lambda.wiring;

import dagger.Lazy;
import io.tally.domain.shared.SecretHasher;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.sqs.json.WireJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import javax.inject.Inject;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.sqs.obs.Level;
import io.tally.sqs.obs.LogLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * A cold start's init on two threads (the merchant API function's Lambda constructor, docs/PERFORMANCE.md "Parallel
 * init"). {@link #start} starts a second thread that builds the DynamoDB client (its HTTP client loads the JDK's trust
 * store, the largest single piece of init) and, where the function serves one brand ({@code TALLY_BRAND}, set by the
 * stack), reads that brand's catalogue through the graph's cached port: the first request then finds it cached, and
 * the client's request path (signing, marshalling, the connection) already run. That thread is the longer one, so it
 * starts first: nothing the entry point does before it (settings, the component, this class) links a lambda or makes a
 * digest, since a JVM's first of each loads machinery that only delays the start. Meanwhile the calling thread builds
 * what needs no client (the item schemas, with a sample entry and card mapped through them, the request JSON, the
 * secret check's digest) and then the rest of the graph, which takes the DynamoDB client from the graph's singleton
 * when the other thread has it. {@link Running#join} builds the SQS client on the calling thread (the publisher takes
 * it at the first publish, so the graph never waits for it; it shares the DynamoDB client's HTTP client and so its TLS
 * context), loads the SDK's request and response types of a first write, and waits for the second thread: nothing
 * runs behind the first request or a SnapStart snapshot.
 *
 * <p>Nothing random or per-request is made here: the singletons are the graph's own (Dagger's {@link Lazy} is
 * thread-safe: whichever thread comes second waits for the first), the rest is class loading and static schemas, and
 * the catalogue is what every merchant call of the brand reads (cached with a wall-clock expiry, so one read before a
 * snapshot is stale after any restore later than its time to live). A failure on either thread is reported and left
 * alone: the graph builds the same singleton again on first use and fails there, where the function reports it.
 */
public final class ParallelInit {
    /** A merchant body like the ones the first request parses (Priming reads the same shape). */
    private static final String SAMPLE_BODY = "{\"cardNumber\":\"6000000000000007\",\"action\":\"redeem\","
            + "\"amount\":{\"balanceType\":\"Currency\",\"balanceCode\":\"USD\",\"amount\":12.50},\"returnBalances\":true}";

    private final Lazy<DynamoDbClient> dynamo;
    private final Lazy<SqsClient> sqs;
    private final Lazy<WireJson> json;
    private final Lazy<LoadProgramsPort> programs;
    private final PrintStream log;

    @Inject
    ParallelInit(Lazy<DynamoDbClient> dynamo, Lazy<SqsClient> sqs, Lazy<WireJson> json, Lazy<LoadProgramsPort> programs) {
        this(dynamo, sqs, json, programs, System.out);
    }

    ParallelInit(Lazy<DynamoDbClient> dynamo, Lazy<SqsClient> sqs, Lazy<WireJson> json, Lazy<LoadProgramsPort> programs,
                 PrintStream log) {
        this.dynamo = dynamo;
        this.sqs = sqs;
        this.json = json;
        this.programs = programs;
        this.log = log;
    }

    /**
     * Starts the clients on a second thread, then does the client-free part here, on the calling thread; the caller
     * builds the rest of its graph and then {@link Running#join()}s.
     */
    public Running start(Optional<BrandId> functionBrand) {
        Thread thread = new Thread(() -> guarded("storage", () -> prepareStorage(functionBrand)), "tally-init");
        thread.setDaemon(true);
        thread.start();
        guarded("mappings", this::prepareWithoutClients);
        return new Running(thread);
    }

    private void prepareStorage(Optional<BrandId> functionBrand) {
        dynamo.get();
        if (functionBrand.isPresent()) {
            programs.get().catalogue(functionBrand.get());
        }
    }

    private void prepareQueues() {
        sqs.get();
        SendMessageBatchRequest.builder().entries(SendMessageBatchRequestEntry.builder().build()).build();
        SendMessageBatchResponse.builder().build();
    }

    private void prepareWithoutClients() throws IOException {
        DynamoStorage.prepareMappings(new BrandId(Priming.BRAND), Priming.CARD);
        WireJson wire = json.get();
        wire.writeValueAsString(wire.readTree(SAMPLE_BODY.getBytes(StandardCharsets.UTF_8)));
        // a stored secret's form (sha256$salt$hash) that no candidate matches: loads the check's digest. Made here, not
        // in a static field: the class is initialised before the second thread starts, and a JVM's first digest loads
        // the security providers
        String sampleHash = SecretHasher.hashSecret("parallel-init", new byte[16]);
        if (SecretHasher.matches("not-" + "parallel-init", sampleHash)) {
            throw new IllegalStateException("a wrong secret matched");
        }
    }

    private interface Step {
        void run() throws IOException;
    }

    private void guarded(String part, Step step) {
        try {
            step.run();
        } catch (IOException | RuntimeException | LinkageError e) {
            // LinkageError: a class whose static init failed (ExceptionInInitializerError) is reported here too; the
            // graph meets the same failure again where it needs the class, and fails the function's init there
            LogLine.detached(log, Level.WARN, "parallel init failed", Instant.now()).field("part", part)
                    .field("error", e.getClass().getSimpleName()).write();
        }
    }

    /**
     * The SDK's request and response types of a first write (authentication, the catalogue and card reads, the append,
     * the outbox mark, the event's publish): each builds its table of fields when it is first used. Built empty here,
     * never sent.
     */
    private static void loadStorageTypes() {
        BatchGetItemRequest.builder().build();
        BatchGetItemResponse.builder().build();
        QueryRequest.builder().build();
        QueryResponse.builder().build();
        PutItemRequest.builder().build();
        PutItemResponse.builder().build();
        UpdateItemRequest.builder().build();
        UpdateItemResponse.builder().build();
    }

    /** The started work. */
    public final class Running {
        private final Thread thread;

        private Running(Thread thread) {
            this.thread = thread;
        }

        /**
         * Builds the SQS client (the first publish takes it) and loads the first write's SDK types here, on the
         * caller's thread, while the second thread is still reading the catalogue; then waits for the second thread to
         * end (it ends by itself; a failure was reported there).
         */
        public void join() {
            guarded("queues", ParallelInit.this::prepareQueues);
            guarded("types", ParallelInit::loadStorageTypes);
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while init finished", e);
            }
        }
    }
}
