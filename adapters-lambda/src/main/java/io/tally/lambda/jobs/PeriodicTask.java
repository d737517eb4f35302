package io.tally.lambda.jobs;

import java.time.Instant;

/**
 * The work behind one {@code PeriodicJob}: runs to completion or to its own bound, and says what it did.
 * A run may overlap or repeat a previous one (schedulers deliver at least once), so tasks are idempotent.
 */
public interface PeriodicTask {
    /** The job's name, as in {@code PeriodicJobs.ALL}. */
    String name();

    /** Runs once; returns a short account of what was done (for the log and the invocation result). */
    String run(Instant now);
}
