package io.tally.bench.probe;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tally.lambda.http.MerchantApiHandler;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Heap in use (after full GCs) once the function is initialised and after {@code n} requests, in a JVM
 * sized like a 512 MB function (the parent sets the flags). Mode {@code handler}: the real entry point
 * serving {@code n} merchant calls; mode {@code floor}: a bare client making the floor's raw calls n times.
 *
 * <p>Arguments: handler n key secret brand location terminal method jsonBody
 * <br>or: floor n endpoint table readPk readSk writePkPrefix
 */
public final class MemoryProbe {
    private MemoryProbe() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[1]);
        if (args[0].equals("handler")) {
            MerchantApiHandler handler = new MerchantApiHandler();
            MerchantEvents events = MerchantEvents.fromArgs(args, 2);
            long afterInit = Probes.heapUsedAfterGc();
            int ok = 0;
            for (int i = 0; i < n; i++) {
                APIGatewayV2HTTPResponse r = handler.handleRequest(events.post(args[7], args[8]), null);
                ok += r.getStatusCode() == 200 ? 1 : 0;
            }
            Probes.report(afterInit + " " + Probes.heapUsedAfterGc() + " " + ok);
        } else {
            DynamoDbClient client = FloorProbe.client(URI.create(args[2]));
            long afterInit = Probes.heapUsedAfterGc();
            int ok = 0;
            for (int i = 0; i < n; i++) {
                FloorProbe.roundTrips(client, args[3], args[4], args[5], args[6], "M#" + i);
                ok++;
            }
            Probes.report(afterInit + " " + Probes.heapUsedAfterGc() + " " + ok);
        }
        System.exit(0);
    }
}
