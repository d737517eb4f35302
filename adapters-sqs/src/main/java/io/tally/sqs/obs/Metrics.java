package io.tally.sqs.obs;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one invocation, flushed once at its end in CloudWatch embedded metric format (EMF): one JSON object
 * per set of dimension values, namespace {@value #NAMESPACE}, every set led by {@code Brand}. An object holds at most
 * {@value #MAX_METRICS} metrics and a metric at most {@value #MAX_VALUES} values (the format's limits); what is
 * recorded beyond that in one invocation is dropped, never an invocation failed.
 * The names are the dashboard's contract (docs/ARCHITECTURE.md, Observability).
 */
public final class Metrics {
    public static final String NAMESPACE = "Tally";
    static final int MAX_METRICS = 100;
    static final int MAX_VALUES = 100;

    /** Units of the CloudWatch metric format. */
    public enum Unit {
        NONE("None"), COUNT("Count"), MILLISECONDS("Milliseconds");

        private final String wire;

        Unit(String wire) {
            this.wire = wire;
        }
    }

    private final String brand;
    private final Map<String, Group> groups = new LinkedHashMap<>();

    Metrics(String brand) {
        this.brand = brand;
    }

    /** One value; {@code dimensions} are name/value pairs after {@code Brand}. */
    public void record(String name, Unit unit, String jsonNumber, String... dimensions) {
        String key = String.join("\u0000", dimensions);
        Group group = groups.computeIfAbsent(key, k -> new Group(dimensions));
        group.add(name, unit, jsonNumber);
    }

    public void count(String name, String... dimensions) {
        record(name, Unit.COUNT, "1", dimensions);
    }

    public void millis(String name, long nanos, String... dimensions) {
        record(name, Unit.MILLISECONDS, BigDecimal.valueOf(nanos / 10_000, 2).toPlainString(), dimensions);
    }

    /** An amount in minor units shown in the value type's decimal units ({@code 401}, scale 2: {@code 4.01}). */
    public void amount(String name, long minor, int scale, String... dimensions) {
        record(name, Unit.NONE, BigDecimal.valueOf(minor, scale).toPlainString(), dimensions);
    }

    boolean isEmpty() {
        return groups.isEmpty();
    }

    /** Writes the EMF objects (none when nothing was recorded) and forgets what was recorded. */
    void flush(PrintStream out, long epochMillis, Map<String, String> properties) {
        for (Group group : groups.values()) {
            for (int from = 0; from < group.metrics.size(); from += MAX_METRICS) {
                out.println(group.emf(brand, epochMillis, properties, from, Math.min(group.metrics.size(), from + MAX_METRICS)));
            }
        }
        groups.clear();
    }

    private record Metric(String name, Unit unit, List<String> values) {
    }

    private static final class Group {
        private final String[] dimensions;
        private final List<Metric> metrics = new ArrayList<>();
        private final Map<String, Metric> byName = new LinkedHashMap<>();

        Group(String[] dimensions) {
            if (dimensions.length % 2 != 0) {
                throw new IllegalArgumentException("dimensions are name/value pairs");
            }
            this.dimensions = dimensions.clone();
        }

        void add(String name, Unit unit, String value) {
            Metric metric = byName.get(name);
            if (metric == null) {
                if (metrics.size() >= MAX_METRICS * 10) {
                    return;
                }
                metric = new Metric(name, unit, new ArrayList<>(1));
                byName.put(name, metric);
                metrics.add(metric);
            }
            if (metric.values.size() < MAX_VALUES) {
                metric.values.add(value);
            }
        }

        String emf(String brand, long epochMillis, Map<String, String> properties, int from, int to) {
            StringBuilder s = new StringBuilder(256);
            s.append("{\"_aws\":{\"Timestamp\":").append(epochMillis).append(",\"CloudWatchMetrics\":[{\"Namespace\":\"")
                    .append(NAMESPACE).append("\",\"Dimensions\":[[\"Brand\"");
            for (int i = 0; i < dimensions.length; i += 2) {
                s.append(',');
                JsonText.quote(s, dimensions[i]);
            }
            s.append("]],\"Metrics\":[");
            for (int i = from; i < to; i++) {
                s.append(i == from ? "" : ",").append("{\"Name\":");
                JsonText.quote(s, metrics.get(i).name);
                s.append(",\"Unit\":\"").append(metrics.get(i).unit.wire).append("\"}");
            }
            s.append("]}]},\"Brand\":");
            JsonText.quote(s, brand);
            for (int i = 0; i < dimensions.length; i += 2) {
                s.append(',');
                JsonText.quote(s, dimensions[i]);
                s.append(':');
                JsonText.quote(s, dimensions[i + 1]);
            }
            properties.forEach((k, v) -> {
                if (v != null) {
                    s.append(',');
                    JsonText.quote(s, k);
                    s.append(':');
                    JsonText.quote(s, v);
                }
            });
            for (int i = from; i < to; i++) {
                Metric m = metrics.get(i);
                s.append(',');
                JsonText.quote(s, m.name);
                s.append(':');
                s.append(m.values.size() == 1 ? m.values.get(0) : "[" + String.join(",", m.values) + "]");
            }
            return s.append('}').toString();
        }
    }
}
