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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * ElasticMQ in its own JVM, so that its threads and garbage do not share the measured JVM's heap and GC.
 * {@link #main} starts it, creates the queues, prints {@code SQS <endpoint> <events queue url>} and runs
 * until its standard input closes: it cannot outlive the benchmark that started it.
 */
final class SqsServer implements AutoCloseable {
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
            System.out.println("SQS " + server.endpoint() + " " + url);
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the parent goes away
            }
        }
        System.exit(0);
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
