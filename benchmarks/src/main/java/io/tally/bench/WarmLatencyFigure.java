package io.tally.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

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
        for (Workload.Case c : workload.warmCases()) {
            APIGatewayV2HTTPEvent event = workload.merchant().event(c.method(), c.body());
            for (int i = 0; i < options.warmWarmup(); i++) {
                handle(c.requestIds() ? withRequestId(c, "w" + i) : event);
                c.floor().run();
            }
            long[] handler = new long[options.warmSamples()];
            long[] own = new long[options.warmSamples()];
            long[] floor = new long[options.warmSamples()];
            String calls = "";
            int trips = 0;
            for (int i = 0; i < options.warmSamples(); i++) {
                APIGatewayV2HTTPEvent e = c.requestIds() ? withRequestId(c, "s" + i) : event;
                RoundTrips.Tally t = RoundTrips.reset();
                long started = System.nanoTime();
                handle(e);
                handler[i] = System.nanoTime() - started;
                own[i] = handler[i] - t.nanos();
                calls = t.describe();
                trips = t.total();
                RoundTrips.Tally f = RoundTrips.reset();
                started = System.nanoTime();
                c.floor().run();
                floor[i] = System.nanoTime() - started;
                if (i == 0 && f.total() == 0) {
                    throw new IllegalStateException("the floor of " + c.name() + " made no call");
                }
            }
            Stats h = Stats.of(handler);
            Stats f = Stats.of(floor);
            Stats o = Stats.of(own);
            boolean met = Stats.ms(o.median()) <= OVERHEAD_TARGET_MS;
            report.add(new Report.Row("2 warm", c.name(),
                    "p50 " + Report.ms(h.median()) + ", p99 " + Report.ms(h.percentile(99)) + "; own p50 " + Report.ms(o.median()),
                    "p50 " + Report.ms(f.median()) + ", p99 " + Report.ms(f.percentile(99)),
                    (double) h.median() / f.median(), "own <= " + OVERHEAD_TARGET_MS + " ms at p50",
                    met ? Report.Verdict.MET : Report.Verdict.MISSED,
                    trips + " round trips (" + calls + ") vs floor " + c.floorCalls() + "; " + h.count() + " samples"));
        }
    }

    private APIGatewayV2HTTPEvent withRequestId(Workload.Case c, String id) {
        return workload.merchant().event(c.method(), c.body(), java.util.Map.of("customrequestid", "warm-" + id));
    }

    private void handle(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse r = workload.merchant().invoke(event);
        if (r.getStatusCode() != 200) {
            throw new IllegalStateException("warm call failed: " + r.getStatusCode() + " " + r.getBody());
        }
    }

}
