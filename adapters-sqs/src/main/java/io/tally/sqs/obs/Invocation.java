package io.tally.sqs.obs;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One invocation of a function: the fields every line of it carries (Powertools for AWS Lambda's names), its
 * correlation id (the merchant requestRef, the SQS message id, the job name) and its metrics. Created by
 * {@link Telemetry}; code deeper down (the merchant API's request log, SQS batch handling) finds the one running on
 * its thread through {@link #current()}, the way Powertools' logging uses the MDC.
 */
public final class Invocation {
    private static final ThreadLocal<Invocation> CURRENT = new ThreadLocal<>();

    private final PrintStream out;
    private final Level threshold;
    private final Clock clock;
    private final Map<String, String> base;
    private final boolean coldStart;
    private final long startedNanos = System.nanoTime();
    private final Metrics metrics;
    private String correlationId;

    Invocation(PrintStream out, Level threshold, Clock clock, Map<String, String> base, boolean coldStart, String brand,
               String correlationId) {
        this.out = out;
        this.threshold = threshold;
        this.clock = clock;
        this.base = base;
        this.coldStart = coldStart;
        this.metrics = new Metrics(brand);
        this.correlationId = correlationId;
    }

    /** The invocation running on this thread, if a {@link Telemetry} wrapper started one. */
    public static Optional<Invocation> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    Invocation enter() {
        CURRENT.set(this);
        return this;
    }

    void leave() {
        CURRENT.remove();
    }

    /** Learned as the invocation goes on (the merchant API makes its requestRef after the event arrived). */
    public void correlationId(String id) {
        correlationId = id;
    }

    public Metrics metrics() {
        return metrics;
    }

    /** Nanoseconds since the invocation started. */
    public long elapsedNanos() {
        return System.nanoTime() - startedNanos;
    }

    public boolean enabled(Level level) {
        return level.compareTo(threshold) >= 0;
    }

    /**
     * A line at {@code level} with the invocation's fields, or a line that prints nothing when the level is below
     * {@code TALLY_LOG_LEVEL}. {@code message} is a fixed text: what varies goes into named fields.
     */
    public LogLine line(Level level, String message) {
        return line(level, message, correlationId);
    }

    private LogLine line(Level level, String message, String correlation) {
        LogLine line = new LogLine(enabled(level) ? out : null, level, message, clock.instant());
        base.forEach(line::field);
        line.field("cold_start", coldStart);
        return line.field("correlation_id", correlation);
    }

    /**
     * A line about one item of the invocation (an SQS message): the current invocation's line with the item's id as
     * its correlation id, or, outside an invocation (tests), a line on {@code fallback} with that id.
     */
    public static LogLine itemLine(PrintStream fallback, Level level, String message, String correlationId) {
        Invocation i = CURRENT.get();
        return i != null ? i.line(level, message, correlationId)
                : LogLine.detached(fallback, level, message, Instant.now()).field("correlation_id", correlationId);
    }

    /** An ERROR line with the fault's stack trace. */
    public void fault(String message, Throwable fault) {
        line(Level.ERROR, message).fault(fault).write();
    }

    void flush() {
        if (!metrics.isEmpty()) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("service", base.get("service"));
            properties.put("function_request_id", base.get("function_request_id"));
            properties.put("xray_trace_id", base.get("xray_trace_id"));
            properties.put("correlation_id", correlationId);
            metrics.flush(out, clock.millis(), properties);
        }
    }
}
