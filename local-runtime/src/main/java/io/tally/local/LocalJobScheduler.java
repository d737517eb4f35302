package io.tally.local;

import io.tally.lambda.jobs.PeriodicJobHandler;
import io.tally.lambda.topology.PeriodicJob;
import io.tally.lambda.topology.PeriodicJobs;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link PeriodicJobs#ALL} on their intervals, invoking the jobs handler with the same payload
 * EventBridge Scheduler sends on AWS ({@code {"job": "<name>"}}).
 */
final class LocalJobScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalJobScheduler.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tally-jobs");
        t.setDaemon(true);
        return t;
    });
    private final PeriodicJobHandler handler;

    LocalJobScheduler(PeriodicJobHandler handler) {
        this.handler = handler;
    }

    LocalJobScheduler start() {
        for (PeriodicJob job : PeriodicJobs.ALL) {
            long minutes = job.interval().toMinutes();
            timer.scheduleWithFixedDelay(() -> runQuietly(job.name()), minutes, minutes, TimeUnit.MINUTES);
        }
        return this;
    }

    /** Runs a job now, on the caller's thread; returns what the job reported. */
    String runNow(String job) {
        return String.valueOf(handler.handleRequest(Map.of("job", job), null).get("result"));
    }

    private void runQuietly(String job) {
        try {
            LOG.info("{}: {}", job, runNow(job));
        } catch (RuntimeException e) {
            LOG.warn("periodic job {} failed; it runs again at its next interval", job, e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
