package io.tally.lambda.jobs;

import io.tally.domain.enrollment.CompleteEnrollmentsUseCase;
import io.tally.lambda.topology.PeriodicJobs;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * {@code enrollment-completer}: finishes the enrollments that died part-way and nobody resubmitted, and scrubs the PINs
 * of completed ones after their reveal window. Its use case comes from the member portal's graph, built on first run
 * (the jobs function needs the portal's configuration only for this job).
 */
public final class EnrollmentCompletionTask implements PeriodicTask {
    public static final String NAME = PeriodicJobs.ENROLLMENT_COMPLETER.name();
    /** Records per run: each is a handful of writes, well within the function's timeout. */
    static final int MAX_RECORDS_PER_RUN = 500;

    private final Supplier<CompleteEnrollmentsUseCase> completer;

    public EnrollmentCompletionTask(Supplier<CompleteEnrollmentsUseCase> completer) {
        this.completer = completer;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String run(Instant now) {
        CompleteEnrollmentsUseCase.Report r = completer.get().run(now, MAX_RECORDS_PER_RUN);
        return r.completed() + " enrollments completed, " + r.abandoned() + " given up (phone taken), " + r.scrubbed()
                + " PINs scrubbed, " + r.postponed() + " postponed" + (r.problems().isEmpty() ? "" : ": " + r.problems());
    }
}
