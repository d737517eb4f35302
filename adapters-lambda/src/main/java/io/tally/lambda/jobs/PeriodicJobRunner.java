package io.tally.lambda.jobs;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Runs a periodic task by name: what the scheduled invocation ({@code {"job": "<name>"}}) asks for. */
public final class PeriodicJobRunner {
    private final Map<String, PeriodicTask> tasks;
    private final Clock clock;

    public PeriodicJobRunner(List<PeriodicTask> tasks, Clock clock) {
        this.tasks = tasks.stream().collect(Collectors.toUnmodifiableMap(PeriodicTask::name, Function.identity()));
        this.clock = clock;
    }

    /** The names of the tasks it can run. */
    public java.util.Set<String> names() {
        return tasks.keySet();
    }

    /** Runs the named task; an unknown name is a deployment bug and throws, so the invocation fails visibly. */
    public String run(String job) {
        PeriodicTask task = tasks.get(job);
        if (task == null) {
            throw new IllegalArgumentException("no periodic task named '" + job + "'; known: " + tasks.keySet());
        }
        return task.run(clock.instant());
    }
}
