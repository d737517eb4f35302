package io.tally.local.testing;

import io.tally.dynamo.dynalite.DynaliteServer;
import io.tally.local.sqs.ElasticMqServer;
import io.tally.local.sqs.LocalQueues;
import io.tally.local.sqs.QueueOptions;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The test JVM's dynalite (with a Tally table) and ElasticMQ (with the queues under their real
 * names), shared by all tests: use {@link #freshQueues(int)} when a test needs queues of its own.
 */
public record LocalServers(DynaliteServer dynalite, DynamoDbClient dynamo, String tableName, ElasticMqServer elasticMq, LocalQueues queues) {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    public SqsClient sqs() {
        return elasticMq.client();
    }

    /** A new set of every QueueId's queue and DLQ, under a unique prefix, with this visibility timeout. */
    public LocalQueues freshQueues(int visibilityTimeoutSeconds) {
        return elasticMq.createQueues(QueueOptions.forTest("t" + SEQUENCE.incrementAndGet() + "-", visibilityTimeoutSeconds));
    }
}
