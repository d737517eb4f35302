package io.tally.infra;

import io.tally.sqs.batch.SendBatches;
import io.tally.lambda.topology.QueueId;
import java.util.EnumMap;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;

/**
 * One SQS queue per {@link QueueId}, each with its dead-letter queue. Both keep messages for the
 * maximum 14 days so a consumer outage over a long weekend loses nothing.
 */
final class Queues {
    static final int MIN_MAX_RECEIVE_COUNT = 5;
    private static final Duration RETENTION = Duration.days(14);

    /** A queue and its dead-letter queue. */
    record Pair(Queue queue, Queue deadLetters) {
    }

    private Queues() {
    }

    static Map<QueueId, Pair> create(software.constructs.Construct scope) {
        Map<QueueId, Pair> queues = new EnumMap<>(QueueId.class);
        for (QueueId id : QueueId.values()) {
            if (id.maxReceiveCount() < MIN_MAX_RECEIVE_COUNT) {
                // fewer retries send messages to the DLQ on a brief throttle or a partial-batch failure
                throw new IllegalStateException(id + ": maxReceiveCount must be at least " + MIN_MAX_RECEIVE_COUNT);
            }
            String name = Names.pascal(id.name());
            Queue dlq = Queue.Builder.create(scope, name + "DeadLetterQueue")
                    .maxMessageSizeBytes(SendBatches.SQS_MAX_BYTES)
                    .encryption(QueueEncryption.SQS_MANAGED)
                    .enforceSsl(true)
                    .retentionPeriod(RETENTION)
                    .build();
            Queue queue = Queue.Builder.create(scope, name + "Queue")
                    // what the senders keep to (SendBatches), enforced by SQS too rather than its larger default
                    .maxMessageSizeBytes(SendBatches.SQS_MAX_BYTES)
                    .encryption(QueueEncryption.SQS_MANAGED)
                    .enforceSsl(true)
                    .retentionPeriod(RETENTION)
                    .visibilityTimeout(Duration.seconds(id.visibilityTimeoutSeconds()))
                    .deadLetterQueue(DeadLetterQueue.builder().queue(dlq).maxReceiveCount(id.maxReceiveCount()).build())
                    .build();
            queues.put(id, new Pair(queue, dlq));
        }
        return queues;
    }
}
