package io.tally.bench.probe;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The floor ({@link FloorProbe}) plus Powertools for AWS Lambda (Java) 2.9.0 logging (log4j2, its Lambda JSON layout,
 * through the functional {@code PowertoolsLogging.withLogging}, no AspectJ) and metrics ({@code MetricsFactory}): one
 * log line and one metric flushed, as {@link FloorTallyObsProbe} does with the hand-written piece. Its jars come from
 * benchmarks/target/powertools-lib (never in a Lambda jar).
 *
 * <p>Arguments: as {@link FloorProbe}.
 */
public final class FloorPowertoolsProbe {
    private FloorPowertoolsProbe() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        System.setProperty("log4j2.configurationFile", "io/tally/bench/probe/log4j2-powertools.xml");
        DynamoDbClient client = FloorProbe.client(URI.create(args[0]));
        Logger log = LoggerFactory.getLogger(FloorPowertoolsProbe.class);
        Metrics metrics = MetricsFactory.getMetricsInstance();
        metrics.setNamespace("Tally");
        long initialised = System.nanoTime();
        String result = PowertoolsLogging.withLogging(new ProbeContext(), () -> {
            String r = FloorProbe.roundTrips(client, args[1], args[2], args[3], args[4], args[5]);
            log.info("request");
            metrics.addDimension("Method", "probe");
            metrics.addMetric("Requests", 1, MetricUnit.COUNT);
            metrics.flush();
            return r;
        });
        long answered = System.nanoTime();
        Probes.report("200 " + (initialised - started) + " " + (answered - initialised) + " " + result);
        System.exit(0);
    }
}
