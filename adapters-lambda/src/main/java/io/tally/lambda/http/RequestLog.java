package io.tally.lambda.http;

import io.tally.sqs.obs.Invocation;
import io.tally.sqs.obs.Level;
import io.tally.sqs.obs.LogLine;
import io.tally.sqs.obs.Metrics;
import io.tally.sqs.obs.TallyMetric;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The merchant API's line per request and its metrics, through the shared structured log ({@code io.tally.sqs.obs}):
 * fields that never include secrets, PINs or passwords (and {@code Redaction} would mask them if they did). Inside a
 * {@code Telemetry} invocation (the Lambda handler) the line carries the invocation's fields, the requestRef becomes
 * its correlation id and the request counts in {@code Requests}, {@code Latency}, {@code Errors} and
 * {@code Checkouts}; outside one (tests, SnapStart priming) only the line is written, and no metric.
 * {@code enabled} is {@code TALLY_REQUEST_LOG}: off, only faults are written.
 */
public final class RequestLog {
    private final PrintStream out;
    private final boolean enabled;

    public RequestLog(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    /** {@code knownMethod}: the call named a method of the API (else its metrics say {@code unknown}: bounded names). */
    void request(Map<String, String> call, int status, double millis, boolean knownMethod) {
        Optional<Invocation> invocation = Invocation.current();
        invocation.ifPresent(i -> count(i, call, millis, knownMethod));
        if (enabled) {
            LogLine line = line(invocation, Level.INFO, "request", call);
            line.field("status", status).millis("ms", (long) (millis * 1_000_000)).write();
        }
    }

    void fault(Map<String, String> call, Throwable fault) {
        Optional<Invocation> invocation = Invocation.current();
        invocation.ifPresent(i -> i.metrics().count(TallyMetric.ERRORS.metricName(), TallyMetric.ERRORS.dimension(), "fault"));
        line(invocation, Level.ERROR, "request failed", call).fault(fault).write();
    }

    private LogLine line(Optional<Invocation> invocation, Level level, String message, Map<String, String> call) {
        LogLine line;
        if (invocation.isPresent()) {
            invocation.get().correlationId(call.get("requestRef"));
            line = invocation.get().line(level, message);
        } else {
            line = LogLine.detached(out, level, message, Instant.now());
        }
        call.forEach(line::field);
        return line;
    }

    private static void count(Invocation invocation, Map<String, String> call, double millis, boolean knownMethod) {
        Metrics metrics = invocation.metrics();
        String method = knownMethod ? call.get("method") : "unknown";
        metrics.count(TallyMetric.REQUESTS.metricName(), TallyMetric.REQUESTS.dimension(), method);
        metrics.millis(TallyMetric.LATENCY.metricName(), (long) (millis * 1_000_000), TallyMetric.LATENCY.dimension(), method);
        String error = call.get("errorCode");
        if (error != null) {
            metrics.count(TallyMetric.ERRORS.metricName(), TallyMetric.ERRORS.dimension(), error);
        } else if ("checkout".equals(method) && call.get("replayed") == null) {
            metrics.count(TallyMetric.CHECKOUTS.metricName());
        }
    }
}
