package io.tally.infra;

import io.tally.lambda.topology.FunctionId;
import io.tally.lambda.topology.PeriodicJob;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.scheduler.Schedule;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.scheduler.ScheduleTargetInput;
import software.amazon.awscdk.services.scheduler.targets.LambdaInvoke;
import software.amazon.awscdk.services.scheduler.targets.ScheduleTargetBaseProps;
import software.constructs.Construct;

/**
 * One EventBridge Scheduler schedule per {@link PeriodicJob}, invoking the job's function alias with
 * {@code {"job": "<name>"}}. Jobs are idempotent sweeps, so a retried or skipped run is harmless.
 */
final class Schedules {
    private Schedules() {
    }

    static void create(Construct scope, StackConfig config, Map<FunctionId, Functions.Deployed> functions) {
        for (PeriodicJob job : config.periodicJobs()) {
            Schedule.Builder.create(scope, Names.pascal(job.name()) + "Schedule")
                    .description("Tally " + job.name() + " (" + config.brand() + " " + config.stage() + ")")
                    .schedule(ScheduleExpression.rate(Duration.minutes(job.interval().toMinutes())))
                    .target(new LambdaInvoke(functions.get(job.function()).alias(), ScheduleTargetBaseProps.builder()
                            .input(ScheduleTargetInput.fromObject(Map.of("job", job.name())))
                            .retryAttempts(2)
                            .build()))
                    .build();
        }
    }
}
