package io.tally.bench.probe;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tally.lambda.http.MerchantApiHandler;

/**
 * Cold start of the real entry point, as Lambda runs it: {@code new MerchantApiHandler()} (configuration
 * from the environment, the Dagger graph, the SDK clients), then one merchant call. Prints
 * {@value Probes#MARKER} and the response; the parent times from process start to that line.
 *
 * <p>Arguments: key secret brand location terminal method jsonBody [customRequestId]
 */
public final class HandlerProbe {
    private HandlerProbe() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        MerchantApiHandler handler = new MerchantApiHandler();
        long initialised = System.nanoTime();
        MerchantEvents events = MerchantEvents.fromArgs(args, 0);
        java.util.Map<String, String> extra = args.length > 7 ? java.util.Map.of("customrequestid", args[7]) : java.util.Map.of();
        APIGatewayV2HTTPResponse response = handler.handleRequest(events.post(args[5], args[6], extra), null);
        long answered = System.nanoTime();
        Probes.report(response.getStatusCode() + " " + (initialised - started) + " " + (answered - initialised) + " "
                + response.getBody());
        System.exit(0);
    }
}
