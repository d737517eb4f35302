package io.tally.sqs.obs;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One JSON log line, built once into a single string and printed with one call (CloudWatch keeps a line whole).
 * Every value passes through {@link Redaction}; a stack trace goes in {@code stack_trace}: 30 frames per exception and
 * its causes, at most about 8,000 characters.
 */
public final class LogLine {
    private static final int MAX_STACK = 8_000;
    /** Frames shown per exception, so that the causes fit too. */
    private static final int MAX_FRAMES = 30;

    private final StringBuilder json = new StringBuilder(384);
    private final PrintStream out;

    LogLine(PrintStream out, Level level, String message, Instant at) {
        this.out = out;
        json.append("{\"timestamp\":\"").append(at.truncatedTo(ChronoUnit.MILLIS)).append("\",\"level\":\"").append(level.name()).append("\",\"message\":");
        JsonText.quote(json, message);
    }

    /** A line without an invocation's fields (code run outside a {@link Telemetry} wrapper: tests, priming). */
    public static LogLine detached(PrintStream out, Level level, String message, Instant at) {
        return new LogLine(out, level, message, at);
    }

    /** A string field; absent (null) values are left out. */
    public LogLine field(String name, String value) {
        if (value != null) {
            json.append(',');
            JsonText.quote(json, name);
            json.append(':');
            JsonText.quote(json, Redaction.hidden(name) ? Redaction.MASK : value);
        }
        return this;
    }

    public LogLine field(String name, long value) {
        return raw(name, Long.toString(value));
    }

    public LogLine field(String name, boolean value) {
        return raw(name, Boolean.toString(value));
    }

    /** Milliseconds with two decimals (as the request log always wrote them). */
    public LogLine millis(String name, long nanos) {
        long hundredths = nanos / 10_000;
        return raw(name, hundredths / 100 + "." + (hundredths % 100 < 10 ? "0" : "") + hundredths % 100);
    }

    /** The fault's class and message and its stack trace (with causes), as {@code error} and {@code stack_trace}. */
    public LogLine fault(Throwable fault) {
        field("error", String.valueOf(fault));
        StringBuilder trace = new StringBuilder();
        for (Throwable t = fault; t != null && trace.length() < MAX_STACK; t = t.getCause()) {
            if (t != fault) {
                trace.append("Caused by: ").append(t).append('\n');
            }
            StackTraceElement[] frames = t.getStackTrace();
            int shown = Math.min(frames.length, MAX_FRAMES);
            for (int i = 0; i < shown && trace.length() < MAX_STACK; i++) {
                trace.append("\tat ").append(frames[i]).append('\n');
            }
            if (shown < frames.length) {
                trace.append("\t... ").append(frames.length - shown).append(" more\n");
            }
        }
        return field("stack_trace", trace.toString());
    }

    private LogLine raw(String name, String jsonValue) {
        json.append(',');
        JsonText.quote(json, name);
        json.append(':').append(Redaction.hidden(name) ? "\"" + Redaction.MASK + "\"" : jsonValue);
        return this;
    }

    /** Prints the line. */
    public void write() {
        if (out != null) {
            out.println(json.append('}'));
        }
    }
}
