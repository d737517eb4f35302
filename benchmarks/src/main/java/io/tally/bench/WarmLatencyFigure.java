package io.tally.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Figure 2. Each merchant method, invoked in process on the real handler with an API Gateway event, against
 * its floor (the raw calls it cannot avoid). Samples alternate handler and floor. The handler's own
 * overhead is measured directly per request: its wall time minus the time spent inside SDK calls
 * ({@link RoundTrips}), so a slow dynalite cannot hide or inflate it.
 */
final class WarmLatencyFigure {
    private static final double OVERHEAD_TARGET_MS = 1.0;

    private final Workload workload;
    private final Options options;

    WarmLatencyFigure(Workload workload, Options options) {
        this.workload = workload;
        this.options = options;
    }

    void run(Report report) {
        List<Workload.Case> cases = new ArrayList<>(workload.warmCases());
        if (workload.storedValue()) {
            cases.addAll(new CheckoutWorkload(workload, options).warmCases());
        }
        for (Workload.Case c : cases) {
            APIGatewayV2HTTPEvent event = workload.merchant().event(c.method(), c.body());
            for (int i = 0; i < options.warmWarmup(); i++) {
                handle(c.requestIds() ? withRequestId(c, "w" + i) : c.bodies() != null ? event(c) : event);
                c.floor().run();
            }
            long[] handler = new long[options.warmSamples()];
            long[] own = new long[options.warmSamples()];
            long[] floor = new long[options.warmSamples()];
            long[] floorOwn = new long[options.warmSamples()];
            Map<String, Integer> labels = new TreeMap<>();
            String calls = "";
            int trips = 0;
            for (int i = 0; i < options.warmSamples(); i++) {
                APIGatewayV2HTTPEvent e = c.requestIds() ? withRequestId(c, "s" + i) : c.bodies() != null ? event(c) : event;
                RoundTrips.Tally t = RoundTrips.reset();
                long started = System.nanoTime();
                handle(e);
                handler[i] = System.nanoTime() - started;
                own[i] = handler[i] - t.nanos();
                calls = t.describe();
                trips = t.total();
                t.labels().forEach((k, n) -> labels.merge(k, n, Integer::sum));
                RoundTrips.Tally f = RoundTrips.reset();
                started = System.nanoTime();
                c.floor().run();
                floor[i] = System.nanoTime() - started;
                floorOwn[i] = floor[i] - f.nanos();
                if (i == 0 && f.total() == 0) {
                    throw new IllegalStateException("the floor of " + c.name() + " made no call");
                }
            }
            Stats h = Stats.of(handler);
            Stats f = Stats.of(floor);
            Stats o = Stats.of(own);
            boolean met = Stats.ms(o.median()) <= c.targetMs();
            if (c.floorName() != null) {
                Stats fo = Stats.of(floorOwn);
                report.add(new Report.Row("2 warm", c.name(),
                        "p50 " + Report.ms(h.median()) + ", p90 " + Report.ms(h.percentile(90)) + ", p99 " + Report.ms(h.percentile(99))
                                + "; own p50 " + Report.ms(o.median()) + ", p90 " + Report.ms(o.percentile(90)) + ", p99 "
                                + Report.ms(o.percentile(99)),
                        c.floorName() + ": p50 " + Report.ms(f.median()) + ", own p50 " + Report.ms(fo.median()),
                        (double) h.median() / f.median(), "own <= " + c.targetMs() + " ms at p50",
                        met ? Report.Verdict.MET : Report.Verdict.MISSED,
                        String.format(Locale.ROOT, "own / %s own %.2fx; %.2f round trips per call (%s) vs %s; %d samples",
                                c.floorName(), (double) o.median() / Math.max(1, fo.median()), (double) total(labels) / h.count(),
                                perCall(labels, h.count()), c.floorCalls(), h.count())));
                continue;
            }
            report.add(new Report.Row("2 warm", c.name(),
                    "p50 " + Report.ms(h.median()) + ", p99 " + Report.ms(h.percentile(99)) + "; own p50 " + Report.ms(o.median()),
                    "p50 " + Report.ms(f.median()) + ", p99 " + Report.ms(f.percentile(99)),
                    (double) h.median() / f.median(), "own <= " + OVERHEAD_TARGET_MS + " ms at p50",
                    met ? Report.Verdict.MET : Report.Verdict.MISSED,
                    trips + " round trips (" + calls + ") vs floor " + c.floorCalls() + "; " + h.count() + " samples"));
        }
    }

    private APIGatewayV2HTTPEvent withRequestId(Workload.Case c, String id) {
        return workload.merchant().event(c.method(), c.nextBody(), java.util.Map.of("customrequestid", "warm-" + Integer.toHexString(c.name().hashCode()) + "-" + id));
    }

    private APIGatewayV2HTTPEvent event(Workload.Case c) {
        return workload.merchant().event(c.method(), c.nextBody());
    }

    private static int total(Map<String, Integer> labels) {
        return labels.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** {@code Query CARD:SEQ:SEQ~CARD 1, PutItem CARD/SEQ 1, …}: each kind of round trip and how often per call. */
    private static String perCall(Map<String, Integer> labels, int calls) {
        StringBuilder s = new StringBuilder();
        labels.forEach((label, n) -> s.append(s.length() == 0 ? "" : ", ").append(label).append(" ")
                .append(n % calls == 0 ? String.valueOf(n / calls) : String.format(Locale.ROOT, "%.2f", (double) n / calls)));
        return s.toString();
    }

    private void handle(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse r = workload.merchant().invoke(event);
        if (r.getStatusCode() != 200) {
            throw new IllegalStateException("warm call failed: " + r.getStatusCode() + " " + r.getBody());
        }
    }

}
