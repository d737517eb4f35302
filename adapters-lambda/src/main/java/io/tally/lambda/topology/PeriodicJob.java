package io.tally.lambda.topology;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A job a function runs on a fixed interval (sweeping expired holds, for example). On AWS the CDK
 * stack creates one EventBridge Scheduler schedule per job that invokes the function's live alias
 * with {@code {"job": "<name>"}}; the local runtime can run the same list on a timer.
 *
 * @param name     short, stable, lower-case name (also the {@code job} field of the invocation payload)
 * @param function the function that runs the job
 * @param interval time between runs, whole minutes, at least one minute (EventBridge's finest rate)
 */
public record PeriodicJob(String name, FunctionId function, Duration interval) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    public PeriodicJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(interval, "interval");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("job names are lower-case, start with a letter, at most 40 characters: " + name);
        }
        if (interval.toMinutes() < 1 || !interval.equals(Duration.ofMinutes(interval.toMinutes()))) {
            throw new IllegalArgumentException("job intervals are whole minutes, at least one: " + interval);
        }
    }

    /** The JSON payload the scheduler sends to the function. */
    public String invocationPayload() {
        return "{\"job\":\"" + name + "\"}";
    }
}
