package io.tally.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.bench.probe.MerchantEvents;
import io.tally.lambda.http.MerchantApiHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Calls the real handler in process with API Gateway events, the way Lambda's runtime would. */
public final class Merchant {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MerchantApiHandler handler;
    private final MerchantEvents events;

    public Merchant(MerchantApiHandler handler, MerchantEvents events) {
        this.handler = handler;
        this.events = events;
    }

    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status == 200 && body.path("success").asBoolean(false);
        }

        public int errorCode() {
            return body.path("errorCode").asInt(0);
        }

        public Answer require(String what) {
            if (!ok()) {
                throw new IllegalStateException(what + " failed: " + status + " " + body);
            }
            return this;
        }
    }

    public APIGatewayV2HTTPEvent event(String method, String body) {
        return events.post(method, body);
    }

    public APIGatewayV2HTTPEvent event(String method, String body, Map<String, String> headers) {
        return events.post(method, body, headers);
    }

    public APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    public Answer call(String method, String body) {
        return parse(invoke(event(method, body)));
    }

    public static Answer parse(APIGatewayV2HTTPResponse response) {
        try {
            return new Answer(response.getStatusCode(), JSON.readTree(response.getBody()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
