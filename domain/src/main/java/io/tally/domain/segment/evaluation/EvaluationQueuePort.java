package io.tally.domain.segment.evaluation;

/**
 * Queues a page of a segment evaluation for the evaluation consumer, at least once. Behind a port so the pages can
 * be driven directly (a benchmark with any number of workers, the model test with faults).
 */
@FunctionalInterface
public interface EvaluationQueuePort {
    void send(EvaluatePage page);
}
