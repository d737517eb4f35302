package io.tally.lambda.jobs;

import io.tally.domain.communication.rule.RuleFiring;
import io.tally.lambda.topology.PeriodicJobs;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * {@code rule-sends}: every few minutes, queues the rules' sends whose delay has run out (issue 15), each then forgotten;
 * a run that dies between the two queues the same message id again, which the e-mail sender's claim sends once. A send
 * of a rule paused or deleted since it fired is forgotten unsent.
 */
public final class RuleSendsTask implements PeriodicTask {
    public static final String NAME = PeriodicJobs.RULE_SENDS.name();
    /** Pages of due sends one invocation queues at most (the rest: the next run). */
    static final int PAGES_PER_INVOCATION = 50;

    private final Supplier<RuleFiring> firing;

    /** @param firing built when the job first runs: without the portal's configuration the invocation fails visibly */
    public RuleSendsTask(Supplier<RuleFiring> firing) {
        this.firing = firing;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String run(Instant now) {
        return firing.get().sweep(now, PAGES_PER_INVOCATION) + " rule sends queued";
    }
}
