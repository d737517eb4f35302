package io.tally.local.sqs;

import io.tally.lambda.topology.QueueId;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Embedded ElasticMQ (the SQS protocol, in process) on 127.0.0.1 and a free port, and the
 * {@link QueueId} queues with their dead-letter queues and redrive policies.
 */
public final class ElasticMqServer implements AutoCloseable {
    static final String HOST = "127.0.0.1";

    private final SQSRestServer server;
    private final URI endpoint;
    private final SqsClient client;

    private ElasticMqServer(SQSRestServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
        this.client = LocalSqs.client(endpoint);
    }

    /** Starts on a free port; returns once it listens. */
    public static ElasticMqServer start() {
        return start(0);
    }

    /** Starts on the given port (0 = a free one); returns once it listens. */
    public static ElasticMqServer start(int port) {
        var builder = SQSRestServerBuilder.withInterface(HOST)
                .withAWSRegion(LocalSqs.REGION)
                .withAWSAccountId(LocalSqs.ACCOUNT_ID);
        SQSRestServer server = (port == 0 ? builder.withDynamicPort() : builder.withPort(port)).start();
        try {
            int bound = server.waitUntilStarted().localAddress().getPort();
            return new ElasticMqServer(server, URI.create("http://" + HOST + ":" + bound));
        } catch (RuntimeException | Error e) {
            server.stopAndWait();
            throw e;
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client for this server, owned by it (closed with it). */
    public SqsClient client() {
        return client;
    }

    /** Creates (idempotently) every {@link QueueId}'s queue and DLQ as described by the options. */
    public LocalQueues createQueues(QueueOptions options) {
        Map<QueueId, LocalQueue> queues = new EnumMap<>(QueueId.class);
        for (QueueId id : QueueId.values()) {
            queues.put(id, createQueue(id, options));
        }
        return new LocalQueues(queues);
    }

    private LocalQueue createQueue(QueueId id, QueueOptions options) {
        String name = options.namePrefix() + id.logicalName();
        String dlqName = options.namePrefix() + id.deadLetterName();
        int visibility = options.visibilityTimeoutSeconds().orElse(id.visibilityTimeoutSeconds());
        String dlqUrl = client.createQueue(CreateQueueRequest.builder().queueName(dlqName).build()).queueUrl();
        String dlqArn = LocalSqs.arn(dlqName);
        String redrivePolicy = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + id.maxReceiveCount() + "\"}";
        String url = client.createQueue(CreateQueueRequest.builder()
                .queueName(name)
                .attributes(Map.of(
                        QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibility),
                        QueueAttributeName.REDRIVE_POLICY, redrivePolicy))
                .build()).queueUrl();
        return new LocalQueue(id, name, url, LocalSqs.arn(name), dlqName, dlqUrl, dlqArn, visibility);
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            server.stopAndWait();
        }
    }

    @Override
    public String toString() {
        return "ElasticMQ on " + endpoint;
    }
}
