package io.tally.lambda.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Lazy;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.store.DynamoStorage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import javax.inject.Inject;
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
 * Start-up work that the DynamoDB path does not need, done on a second thread while the entry point's constructor
 * builds that path: the Jackson configuration (and a first tree read and written, which loads most of Jackson's
 * classes), the item schemas of the request path (static, built without a client), the SQS client and the SDK's
 * request and response types of a first write. Lambda runs init with the function's full CPU burst, so on a cold start the two threads
 * overlap instead of adding up; the constructor joins the thread before it returns, so nothing runs behind the first
 * request or a SnapStart snapshot. The singletons are the graph's own (Dagger's {@link Lazy} is thread-safe): the
 * main thread takes whichever is ready and waits for the one that is not. Nothing random or time-dependent is made
 * here. A failure is reported and left for the main thread, which builds the same singleton again and fails there.
 */
public final class ParallelInit {
    /** A merchant body like the ones the first request parses (Priming reads the same shape). */
    private static final String SAMPLE_BODY = "{\"cardNumber\":\"6000000000000007\",\"action\":\"redeem\","
            + "\"amount\":{\"balanceType\":\"Currency\",\"balanceCode\":\"USD\",\"amount\":12.50},\"returnBalances\":true}";

    private final Lazy<ObjectMapper> json;
    private final Lazy<DynamoDbClient> dynamo;
    private final Lazy<SqsClient> sqs;
    private final PrintStream log;

    @Inject
    ParallelInit(Lazy<ObjectMapper> json, Lazy<DynamoDbClient> dynamo, Lazy<SqsClient> sqs) {
        this(json, dynamo, sqs, System.out);
    }

    ParallelInit(Lazy<ObjectMapper> json, Lazy<DynamoDbClient> dynamo, Lazy<SqsClient> sqs, PrintStream log) {
        this.json = json;
        this.dynamo = dynamo;
        this.sqs = sqs;
        this.log = log;
    }

    /**
     * Starts building the SDK clients on a second thread, then does the client-free part here, on the calling thread;
     * {@link Running#join()} the rest once the caller's own part of init is done.
     */
    public Running start() {
        Thread thread = new Thread(() -> guarded(this::buildClients), "tally-init");
        thread.setDaemon(true);
        thread.start();
        guarded(this::prepareWithoutClients);
        return new Running(thread);
    }

    private void buildClients() {
        dynamo.get();
        sqs.get();
        loadRequestTypes();
    }

    private void prepareWithoutClients() throws IOException {
        ObjectMapper mapper = json.get();
        mapper.writeValueAsString(mapper.readTree(SAMPLE_BODY.getBytes(StandardCharsets.UTF_8)));
        DynamoStorage.prepareMappings(new BrandId(Priming.BRAND), Priming.CARD);
    }

    private interface Step {
        void run() throws IOException;
    }

    private void guarded(Step step) {
        try {
            step.run();
        } catch (IOException | RuntimeException e) {
            log.println("{\"level\":\"WARN\",\"parallelInit\":\"failed: " + e.getClass().getSimpleName() + "\"}");
        }
    }

    /**
     * The SDK's request and response types of a first write (authentication, the catalogue and card reads, the
     * append, the outbox mark, the event's publish): each builds its table of fields, a few dozen method handles, when
     * it is first used. Built empty here, never sent.
     */
    private static void loadRequestTypes() {
        BatchGetItemRequest.builder().build();
        BatchGetItemResponse.builder().build();
        QueryRequest.builder().build();
        QueryResponse.builder().build();
        PutItemRequest.builder().build();
        PutItemResponse.builder().build();
        UpdateItemRequest.builder().build();
        UpdateItemResponse.builder().build();
        SendMessageBatchRequest.builder().entries(SendMessageBatchRequestEntry.builder().build()).build();
        SendMessageBatchResponse.builder().build();
    }

    /** The started work. */
    public static final class Running {
        private final Thread thread;

        private Running(Thread thread) {
            this.thread = thread;
        }

        /** Waits for the work to end (it ends by itself; a failure was reported there). */
        public void join() {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while init finished", e);
            }
        }
    }
}
