package io.tally.local.sqs;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * How {@link ElasticMqServer#createQueues(QueueOptions)} names and configures the queues.
 *
 * @param namePrefix prepended to {@code QueueId.logicalName()} and {@code deadLetterName()}: empty
 *     for the real names, a unique prefix to give a test its own set of queues
 * @param visibilityTimeoutSeconds overrides {@code QueueId.visibilityTimeoutSeconds()} (six times
 *     the consumer's timeout, minutes) so that tests see failed messages come back within seconds
 */
public record QueueOptions(String namePrefix, OptionalInt visibilityTimeoutSeconds) {
    public QueueOptions {
        Objects.requireNonNull(namePrefix, "namePrefix");
        Objects.requireNonNull(visibilityTimeoutSeconds, "visibilityTimeoutSeconds");
        if (!namePrefix.matches("[a-zA-Z0-9_-]*")) {
            throw new IllegalArgumentException("SQS names allow letters, digits, '-' and '_' only: " + namePrefix);
        }
        visibilityTimeoutSeconds.ifPresent(seconds -> {
            if (seconds < 0 || seconds > 43_200) {
                throw new IllegalArgumentException("visibility timeout out of SQS range 0..43200: " + seconds);
            }
        });
    }

    /** The real names and each queue's own visibility timeout, as the CDK stack creates them. */
    public static QueueOptions asDeployed() {
        return new QueueOptions("", OptionalInt.empty());
    }

    /** Prefixed names and a short visibility timeout. */
    public static QueueOptions forTest(String namePrefix, int visibilityTimeoutSeconds) {
        return new QueueOptions(namePrefix, OptionalInt.of(visibilityTimeoutSeconds));
    }
}
