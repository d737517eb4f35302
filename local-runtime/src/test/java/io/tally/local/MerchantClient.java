package io.tally.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A merchant-API client for the end-to-end tests, speaking HTTP to the local front like a POS would. */
public final class MerchantClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private MerchantClient(URI base, Map<String, String> headers) {
        this.base = base;
        this.headers.putAll(headers);
    }

    MerchantClient(URI base, String key, String secret, String brand, String location, String terminal) {
        this.base = base;
        headers.put("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        headers.put("brand", brand);
        headers.put("location", location);
        headers.put("terminal", terminal);
        headers.put("Content-Type", "application/json");
    }

    public static MerchantClient demo(LocalTally tally) {
        return new MerchantClient(tally.endpoints().baseUrl(), "demo-pos", "demo-secret-do-not-use-in-production",
                "DEMO", "DEMO001", "pos-1");
    }

    public MerchantClient with(String header, String value) {
        MerchantClient copy = new MerchantClient(base, headers);
        copy.headers.put(header, value);
        return copy;
    }

    public MerchantClient without(String header) {
        MerchantClient copy = new MerchantClient(base, headers);
        copy.headers.remove(header);
        return copy;
    }

    /** The raw response. */
    HttpResponse<String> send(String method, String body) {
        return send(method, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The raw response to a body of any bytes (not necessarily UTF-8). */
    HttpResponse<String> send(String method, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/merchant/" + method))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).timeout(Duration.ofSeconds(20));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The parsed body, whatever the status. */
    public JsonNode call(String method, String body) {
        return parse(send(method, body));
    }

    static JsonNode parse(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    /** The successful answer (fails the test otherwise). */
    public static JsonNode ok(JsonNode response) {
        assertTrue(response.path("success").asBoolean(), response.toString());
        return response;
    }

    /** A card handed out here from the card set's pool (fails the test otherwise): its number. */
    public String allocate(String cardSet) {
        return ok(call("allocate", "{\"cardSetId\": \"" + cardSet + "\"}")).get("cardNumber").asText();
    }

    /** An {@code updateBalance} body: the action on a demo value type (a Currency amount is in USD). */
    public static String balanceChange(String card, String action, String balanceType, String amount) {
        String code = balanceType.equals("Currency") ? ", \"balanceCode\": \"USD\"" : "";
        return "{\"cardNumber\": \"" + card + "\", \"action\": \"" + action + "\", \"amount\": {\"balanceType\": \""
                + balanceType + "\"" + code + ", \"amount\": " + amount + "}}";
    }

    /** The error code of a refused answer (fails the test if it succeeded). */
    public static int code(JsonNode response) {
        assertFalse(response.path("success").asBoolean(true), response.toString());
        return response.get("errorCode").asInt();
    }
}
