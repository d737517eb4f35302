package io.tally.lambda.topology;

import java.time.Duration;
import java.util.List;

/**
 * The periodic jobs of a Tally stack, deployed by the CDK stack as EventBridge schedules and run on a
 * timer by the local runtime.
 */
public final class PeriodicJobs {
    /** Writes the EXPIRE entries of expired value and the RELEASE entries of expired holds. */
    public static final PeriodicJob EXPIRY_SWEEPER = new PeriodicJob("expiry-sweeper", FunctionId.JOBS, Duration.ofMinutes(5));

    /**
     * Publishes the events of ledger entries still in the outbox: those whose writer died or whose transport failed
     * after the commit (the fast path publishes all others within milliseconds).
     */
    public static final PeriodicJob EVENT_RELAY = new PeriodicJob("event-relay", FunctionId.JOBS, Duration.ofMinutes(1));

    /**
     * Finishes the member enrollments that died part-way and that nobody resubmitted (a few minutes old), and scrubs the
     * PINs of completed ones once they may no longer be shown again.
     */
    public static final PeriodicJob ENROLLMENT_COMPLETER = new PeriodicJob("enrollment-completer", FunctionId.JOBS,
            Duration.ofMinutes(5));

    /**
     * Rolls up every brand's accounting days that have ended, rolls up again the days an entry reached late, and
     * re-verifies yesterday and the day before against the activity log (issue 13).
     */
    public static final PeriodicJob ROLLUPS = new PeriodicJob("rollups", FunctionId.JOBS, Duration.ofMinutes(15));

    /**
     * Scores every brand's handed-out cards as of the last whole UTC day (issue 14's customer score), a page budget per
     * invocation from a stored cursor, and stores each brand's breakdown when its run is done; once a brand's day is
     * done, an invocation costs it two reads.
     */
    public static final PeriodicJob CUSTOMER_SCORES = new PeriodicJob("customer-scores", FunctionId.JOBS,
            Duration.ofMinutes(5));

    /**
     * Starts today's run of every segment of every brand (issue 14's evaluation job: the pages then travel on
     * {@code QueueId.SEGMENT_EVALUATIONS}); a segment already evaluated today and unchanged starts nothing new.
     */
    public static final PeriodicJob SEGMENT_EVALUATIONS = new PeriodicJob("segment-evaluations", FunctionId.JOBS,
            Duration.ofDays(1));

    /**
     * Starts every brand's due scheduled sends (issue 15: their pages then travel on {@code QueueId.MAILINGS}), re-queues
     * the first page of a send that died between its start and that queueing, and marks ERROR a send whose pages made
     * no progress for an hour.
     */
    public static final PeriodicJob SCHEDULED_SENDS = new PeriodicJob("scheduled-sends", FunctionId.JOBS,
            Duration.ofMinutes(5));

    /**
     * Queues the rules' sends whose delay has run out (issue 15's triggered communications); a delay longer than a queue
     * holds a message waits as an item of its own.
     */
    public static final PeriodicJob RULE_SENDS = new PeriodicJob("rule-sends", FunctionId.JOBS, Duration.ofMinutes(5));

    /**
     * Fires every brand's birthday, anniversary and "N days without a visit" rules for its local day (issue 15), a page
     * budget per invocation from a stored cursor; once a brand's day is done, an invocation costs it one read.
     */
    public static final PeriodicJob RULE_DATES = new PeriodicJob("rule-dates", FunctionId.JOBS, Duration.ofMinutes(5));

    public static final List<PeriodicJob> ALL = List.of(EXPIRY_SWEEPER, EVENT_RELAY, ENROLLMENT_COMPLETER, ROLLUPS,
            CUSTOMER_SCORES, SEGMENT_EVALUATIONS, SCHEDULED_SENDS, RULE_SENDS, RULE_DATES);

    private PeriodicJobs() {
    }
}
