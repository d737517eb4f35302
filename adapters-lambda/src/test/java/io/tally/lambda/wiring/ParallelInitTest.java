package io.tally.lambda.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.sqs.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The start-up work of a cold start builds the graph's own singletons, and a failure there is reported, not thrown. */
class ParallelInitTest {
    @Test
    void builds_the_json_configuration_and_the_clients_once_each_before_join_returns() {
        AtomicInteger mappers = new AtomicInteger();
        AtomicInteger dynamos = new AtomicInteger();
        AtomicInteger clients = new AtomicInteger();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .endpointOverride(URI.create("http://127.0.0.1:9")).build();
             DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                     .region(Region.US_EAST_1).credentialsProvider(AnonymousCredentialsProvider.create())
                     .endpointOverride(URI.create("http://127.0.0.1:9")).build()) {
            ObjectMapper mapper = Json.mapper();
            new ParallelInit(() -> {
                mappers.incrementAndGet();
                return mapper;
            }, () -> {
                dynamos.incrementAndGet();
                return dynamo;
            }, () -> {
                clients.incrementAndGet();
                return sqs;
            }, new PrintStream(log, true, StandardCharsets.UTF_8)).start().join();
        }
        assertEquals(1, mappers.get());
        assertEquals(1, dynamos.get());
        assertEquals(1, clients.get());
        assertEquals("", log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void a_failure_is_reported_and_left_for_the_main_thread() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new ParallelInit(() -> {
            throw new IllegalStateException("no configuration");
        }, () -> {
            throw new IllegalStateException("no endpoint");
        }, () -> {
            throw new AssertionError("not reached");
        }, new PrintStream(log, true, StandardCharsets.UTF_8)).start().join();
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("\"parallelInit\":\"failed: IllegalStateException\""),
                log.toString(StandardCharsets.UTF_8));
    }
}
