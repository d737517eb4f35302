package io.tally.lambda.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.sqs.json.WireJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.LoadProgramsPort;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Set;
import io.tally.domain.tenant.BrandId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A cold start's init on two threads builds the graph's own singletons, each once, the clients on the second thread
 * and the rest on the caller's, all before {@code join} returns; a failure there is reported, not thrown.
 */
class ParallelInitTest {
    @Test
    void builds_each_singleton_once_the_clients_on_the_second_thread_and_all_before_join_returns() {
        // (the SQS client is built by join() on the caller's thread, DynamoDB's on the second; both only once)
        AtomicInteger dynamos = new AtomicInteger();
        AtomicInteger queues = new AtomicInteger();
        AtomicInteger jsons = new AtomicInteger();
        Set<String> clientThreads = ConcurrentHashMap.newKeySet();
        Set<String> callerThreads = ConcurrentHashMap.newKeySet();
        List<String> catalogues = new CopyOnWriteArrayList<>();
        String caller = Thread.currentThread().getName();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .endpointOverride(URI.create("http://127.0.0.1:9")).build();
             DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                     .region(Region.US_EAST_1).credentialsProvider(AnonymousCredentialsProvider.create())
                     .endpointOverride(URI.create("http://127.0.0.1:9")).build()) {
            new ParallelInit(() -> {
                dynamos.incrementAndGet();
                clientThreads.add(Thread.currentThread().getName());
                return dynamo;
            }, () -> {
                queues.incrementAndGet();
                callerThreads.add("sqs on " + Thread.currentThread().getName());
                return sqs;
            }, () -> {
                jsons.incrementAndGet();
                callerThreads.add("json on " + Thread.currentThread().getName());
                return new WireJson();
            }, () -> new LoadProgramsPort() {
                @Override
                public Catalogue catalogue(BrandId brand) {
                    catalogues.add(brand + " on " + Thread.currentThread().getName());
                    return new Catalogue(List.of(), List.of());
                }

                @Override
                public Optional<CardSet> cardSet(BrandId brand, CardSetId id) {
                    throw new AssertionError("not read at init");
                }
            }, new PrintStream(log, true, StandardCharsets.UTF_8)).start(Optional.of(new BrandId("ACME"))).join();
            // join returned: the second thread's work is done, not merely started
            assertEquals(1, dynamos.get());
            assertEquals(1, queues.get());
        }
        assertEquals(1, jsons.get());
        assertEquals(Set.of("tally-init"), clientThreads);
        // asserted here, not in the suppliers: an assertion failing on the second thread would only end that thread
        assertEquals(Set.of("sqs on " + caller, "json on " + caller), callerThreads);
        // the function's brand: its catalogue read once, on the second thread, before join returned
        assertEquals(List.of("ACME on tally-init"), catalogues);
        assertEquals("", log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void a_class_that_fails_its_static_init_on_the_second_thread_is_reported_too() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new ParallelInit(() -> {
            throw new ExceptionInInitializerError(new IllegalStateException("a schema's static init"));
        }, () -> null, WireJson::new, () -> {
            throw new IllegalStateException("not reached");
        }, new PrintStream(log, true, StandardCharsets.UTF_8)).start(Optional.of(new BrandId("B"))).join();
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("\"part\":\"storage\"") && logged.contains("\"error\":\"ExceptionInInitializerError\""),
                logged);
    }

    @Test
    void a_failure_on_either_thread_is_reported_and_left_for_the_graph() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        AtomicInteger catalogueReads = new AtomicInteger();
        new ParallelInit(() -> {
            throw new IllegalStateException("no endpoint");
        }, () -> {
            throw new UnsupportedOperationException("no queue endpoint");
        }, () -> {
            throw new IllegalArgumentException("no configuration");
        }, () -> {
            catalogueReads.incrementAndGet(); // not reached: the storage part ends at its first failure
            throw new IllegalStateException("no catalogue");
        }, new PrintStream(log, true, StandardCharsets.UTF_8)).start(Optional.of(new BrandId("B"))).join();
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("\"part\":\"storage\"") && logged.contains("\"error\":\"IllegalStateException\""), logged);
        assertTrue(logged.contains("\"part\":\"mappings\"") && logged.contains("\"error\":\"IllegalArgumentException\""), logged);
        assertTrue(logged.contains("\"part\":\"queues\"") && logged.contains("\"error\":\"UnsupportedOperationException\""), logged);
        assertEquals(0, catalogueReads.get());
    }
}
