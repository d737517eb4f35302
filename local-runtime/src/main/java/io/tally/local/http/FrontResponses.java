package io.tally.local.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Writes a handler's v2.0 response, or one of API Gateway's own JSON error messages. */
final class FrontResponses {
    private FrontResponses() {
    }

    /** API Gateway's own answers: {@code {"message":"Not Found"}} and the like. */
    static void message(HttpExchange exchange, int status, String message) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, status, ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes the handler's response: headers, then multi-value headers, then one Set-Cookie per
     * cookie, and the body (base64-decoded when the handler says so).
     *
     * @throws IllegalArgumentException before anything is sent, when the body is not valid base64
     */
    static void write(HttpExchange exchange, APIGatewayV2HTTPResponse response, String requestId) throws IOException {
        String body = response.getBody();
        byte[] bytes = body == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        Headers out = exchange.getResponseHeaders();
        Map<String, List<String>> multi = response.getMultiValueHeaders();
        if (multi != null) {
            multi.forEach((name, values) -> {
                if (values != null && isSettable(name)) {
                    values.forEach(value -> out.add(name, value));
                }
            });
        }
        Map<String, String> single = response.getHeaders();
        if (single != null) {
            single.forEach((name, value) -> {
                if (value != null && isSettable(name)) {
                    out.set(name, value);
                }
            });
        }
        List<String> cookies = response.getCookies();
        if (cookies != null) {
            cookies.forEach(cookie -> out.add("Set-Cookie", cookie));
        }
        out.set("apigw-requestid", requestId);
        send(exchange, response.getStatusCode(), bytes);
    }

    /** Framing headers are the server's business, as they are API Gateway's. */
    private static boolean isSettable(String name) {
        return !name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("transfer-encoding")
                && !name.equalsIgnoreCase("connection");
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean noBody = body.length == 0 || status == 204 || status == 304 || "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        }
    }
}
