package io.tally.lambda.http;

import java.io.PrintStream;
import java.util.Map;

/**
 * One JSON line per request on standard output (CloudWatch on Lambda), built from fields that never
 * include secrets, PINs or passwords.
 */
public final class RequestLog {
    private final PrintStream out;
    private final boolean enabled;

    public RequestLog(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    void request(Map<String, String> call, int status, double millis) {
        if (enabled) {
            out.println(line(call, "\"status\":" + status + ",\"ms\":" + String.format(java.util.Locale.ROOT, "%.2f", millis)));
        }
    }

    void fault(Map<String, String> call, Throwable fault) {
        StringBuilder trace = new StringBuilder();
        for (StackTraceElement frame : fault.getStackTrace()) {
            if (trace.length() > 4000) {
                break;
            }
            trace.append(frame).append(" | ");
        }
        out.println(line(call, "\"level\":\"ERROR\",\"fault\":\"" + escape(String.valueOf(fault))
                + "\",\"trace\":\"" + escape(trace.toString()) + "\""));
    }

    private static String line(Map<String, String> fields, String extra) {
        StringBuilder s = new StringBuilder("{");
        fields.forEach((k, v) -> s.append('"').append(k).append("\":\"").append(escape(v)).append("\","));
        return s.append(extra).append('}').toString();
    }

    private static String escape(String v) {
        StringBuilder s = new StringBuilder(v.length());
        for (char c : v.toCharArray()) {
            if (c == '"' || c == '\\') {
                s.append('\\').append(c);
            } else if (c < 0x20) {
                s.append(' ');
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }
}
