package io.tally.lambda.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.sqs.json.WireJson;
import java.util.Map;

/**
 * The merchant API's response envelope: {@code {"success": true, "requestRef": …, …fields}} or
 * {@code {"success": false, "errorCode": n, "errorMessage": …, "requestRef": …}}, always with CORS headers.
 */
final class Envelope {
    /** Exactly the headers the merchant API accepts, per the wire format integrations use. */
    static final String ALLOWED_HEADERS = "authorization, brand, location, terminal, employee, employeepassword, "
            + "customrequestid, externaltransactionid, note, accept, content-type";

    private final WireJson json;

    Envelope(WireJson json) {
        this.json = json;
    }

    APIGatewayV2HTTPResponse success(String requestRef, ObjectNode fields) {
        ObjectNode body = json.createObjectNode();
        body.put("success", true);
        body.put("requestRef", requestRef);
        fields.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("success") && !e.getKey().equals("requestRef")) {
                body.set(e.getKey(), e.getValue());
            }
        });
        return respond(200, body);
    }

    APIGatewayV2HTTPResponse failure(String requestRef, ApiError error, String detail) {
        ObjectNode body = json.createObjectNode();
        body.put("success", false);
        body.put("errorCode", error.code());
        body.put("errorMessage", detail == null || detail.isBlank() ? error.message() : detail);
        body.put("requestRef", requestRef);
        return respond(error.httpStatus(), body);
    }

    /** A success body sent earlier for the same customRequestId, sent again exactly as it was. */
    APIGatewayV2HTTPResponse stored(String body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(corsHeaders(true))
                .withBody(body).withIsBase64Encoded(false).build();
    }

    APIGatewayV2HTTPResponse preflight() {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(204).withHeaders(corsHeaders(false)).build();
    }

    private APIGatewayV2HTTPResponse respond(int status, ObjectNode body) {
        try {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(corsHeaders(true))
                    .withBody(json.writeValueAsString(body)).withIsBase64Encoded(false).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    private static Map<String, String> corsHeaders(boolean withContentType) {
        Map<String, String> headers = new java.util.HashMap<>(8);
        headers.put("access-control-allow-origin", "*");
        headers.put("access-control-allow-headers", ALLOWED_HEADERS);
        headers.put("access-control-allow-methods", "POST, OPTIONS");
        headers.put("access-control-max-age", "600");
        headers.put("cache-control", "no-store");
        if (withContentType) {
            headers.put("content-type", "application/json; charset=utf-8");
        }
        return headers;
    }
}
