package io.tally.domain.communication.send;

import java.time.Duration;

/**
 * Queues a page of a send's fan-out for the mailer, at least once, after {@code delay} (the pacing: at most
 * {@link #MAX_DELAY}, SQS's longest). Behind a port so the model test and the benchmark drive pages directly.
 */
@FunctionalInterface
public interface SendPagesQueuePort {
    Duration MAX_DELAY = Duration.ofSeconds(900);

    void send(SendPage page, Duration delay);
}
