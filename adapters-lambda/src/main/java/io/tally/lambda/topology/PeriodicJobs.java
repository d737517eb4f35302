package io.tally.lambda.topology;

import java.util.List;

/**
 * The periodic jobs of a Tally stack, deployed by the CDK stack as EventBridge schedules. Empty until
 * a feature needs one (the hold sweeper adds itself here).
 */
public final class PeriodicJobs {
    public static final List<PeriodicJob> ALL = List.of();

    private PeriodicJobs() {
    }
}
