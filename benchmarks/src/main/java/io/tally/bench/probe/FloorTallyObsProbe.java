package io.tally.bench.probe;

import io.tally.sqs.obs.Invocation;
import io.tally.sqs.obs.Level;
import io.tally.sqs.obs.Telemetry;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The floor ({@link FloorProbe}) plus the hand-written observability every function uses ({@code io.tally.sqs.obs}):
 * one structured log line and one metric flushed in EMF, inside the invocation wrapper. Compared with
 * {@link FloorPowertoolsProbe} in figure 1 (docs/PERFORMANCE.md, Observability cost).
 *
 * <p>Arguments: as {@link FloorProbe}.
 */
public final class FloorTallyObsProbe {
    private FloorTallyObsProbe() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        DynamoDbClient client = FloorProbe.client(URI.create(args[0]));
        Telemetry telemetry = new Telemetry("probe", Map.of(Telemetry.BRAND, "bench"), System.out, Clock.systemUTC());
        long initialised = System.nanoTime();
        String result = telemetry.run(new ProbeContext(), "probe-ref", null, () -> {
            String r = FloorProbe.roundTrips(client, args[1], args[2], args[3], args[4], args[5]);
            Invocation invocation = Invocation.current().orElseThrow();
            invocation.line(Level.INFO, "request").field("method", "probe").field("status", 200).write();
            invocation.metrics().count("Requests", "Method", "probe");
            return r;
        });
        long answered = System.nanoTime();
        Probes.report("200 " + (initialised - started) + " " + (answered - initialised) + " " + result);
        System.exit(0);
    }
}
