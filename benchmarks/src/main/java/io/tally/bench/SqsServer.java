package io.tally.bench;

import io.tally.lambda.topology.QueueId;
import io.tally.local.sqs.ElasticMqServer;
import io.tally.local.sqs.QueueOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import java.util.concurrent.TimeUnit;

/**
 * ElasticMQ in its own JVM, so that its threads and garbage do not share the measured JVM's heap and GC.
 * {@link #main} starts it, creates the queues, prints {@code SQS <endpoint> <events queue url>} and runs
 * until its standard input closes: it cannot outlive the benchmark that started it.
 */
final class SqsServer implements AutoCloseable {
    private static final int WARM_UP_BATCHES = 2_000;
    private final Process process;
    private final String endpoint;
    private final String eventsQueueUrl;

    private SqsServer(Process process, String endpoint, String eventsQueueUrl) {
        this.process = process;
        this.endpoint = endpoint;
        this.eventsQueueUrl = eventsQueueUrl;
    }

    public static void main(String[] args) throws IOException {
        try (ElasticMqServer server = ElasticMqServer.start()) {
            String url = server.createQueues(QueueOptions.forTest("bench-", 30)).get(QueueId.EVENTS).url();
            warmUp(server.endpoint());
            System.out.println("SQS " + server.endpoint() + " " + url);
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the parent goes away
            }
        }
        System.exit(0);
    }

    /**
     * The server stands in for SQS, which is never cold; DynamoDB's stand-in (dynalite) is warmed by the seeding. So
     * before the figures measure a publish, this JVM's own request path (HTTP, parsing, the queue actor) is run hot:
     * {@value #WARM_UP_BATCHES} batches of ten event-sized messages to a throwaway queue, then the queue is deleted.
     */
    private static void warmUp(URI endpoint) {
        try (SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .endpointOverride(endpoint).build()) {
            String queue = sqs.createQueue(b -> b.queueName("bench-warm-up")).queueUrl();
            String body = "{\"type\":\"card.redeemed\",\"data\":\"" + "x".repeat(400) + "\"}";
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(body).build());
            }
            for (int i = 0; i < WARM_UP_BATCHES; i++) {
                sqs.sendMessageBatch(b -> b.queueUrl(queue).entries(entries));
            }
            sqs.deleteQueue(b -> b.queueUrl(queue));
        }
    }

    static SqsServer start(Path logFile) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), SqsServer.class.getName());
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("SQS ")) {
                    String[] f = line.split(" ");
                    return new SqsServer(p, f[1], f[2]);
                }
            }
            p.destroyForcibly();
            throw new IllegalStateException("ElasticMQ did not start; see " + logFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String endpoint() {
        return endpoint;
    }

    String eventsQueueUrl() {
        return eventsQueueUrl;
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }
}
