package io.tally.local.sqs;

import io.tally.lambda.topology.QueueId;

/**
 * One created queue and its dead-letter queue, with the names, URLs and ARNs the event source and
 * producers need.
 */
public record LocalQueue(
        QueueId id,
        String name,
        String url,
        String arn,
        String deadLetterName,
        String deadLetterUrl,
        String deadLetterArn,
        int visibilityTimeoutSeconds) {
}
