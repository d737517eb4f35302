package io.tally.lambda.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.tally.domain.fakes.InMemoryCardPort;
import io.tally.domain.fakes.InMemoryConfigStore;
import io.tally.domain.fakes.RecordingEventPublisher;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.program.ListValueTypesUseCase;
import io.tally.domain.provisioning.ApplySeedUseCase;
import io.tally.domain.provisioning.Seed;
import io.tally.domain.tenant.AuthenticateMerchantUseCase;
import io.tally.sqs.json.WireJson;
import io.tally.lambda.merchant.ListValueTypeMethod;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The merchant API's envelope, credentials and parsing, on in-memory ports (no network). */
class MerchantApiTest {
    private static final String SECRET = "local-demo-secret-0001";
    private final WireJson json = new WireJson();
    private final InMemoryConfigStore store = new InMemoryConfigStore();
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private MerchantApi api;
    private long now;

    @BeforeEach
    void setUp() {
        var seed = new Seed(List.of(new Seed.BrandSeed("ACME", "Acme", false, List.of(),
                List.of(new Seed.LocationSeed("ACME001", null, null)),
                List.of(new Seed.TerminalSeed("ACME001", "pos-1", null)), List.of(),
                List.of(new Seed.ProgramSeed("GIFT", "Gift", "gift",
                        List.of(new Seed.ValueTypeSeed("Currency", "USD", null, "500", "5.00", null, null, null)), List.of())),
                List.of(new Seed.ApiKeySeed("demo-key", null, SECRET)))));
        new ApplySeedUseCase(store, new InMemoryCardPort(), new RecordingEventPublisher(), new SeededRandom(1), Clock.systemUTC())
                .apply(seed, true);
        api = new MerchantApi(new AuthenticateMerchantUseCase(store),
                List.of(new ListValueTypeMethod(new ListValueTypesUseCase(store), json)), json,
                new RequestRefs(new SeededRandom(2)), new RequestLog(new PrintStream(logged, true, StandardCharsets.UTF_8), true),
                new RateLimiter(5, 50, () -> now));
    }

    private static APIGatewayV2HTTPEvent event(String method, String path, Map<String, String> headers, String body) {
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path).build();
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRawPath(path).withHeaders(headers)
                .withBody(body).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http).build()).build();
    }

    private static Map<String, String> headers(String key, String secret) {
        Map<String, String> h = new HashMap<>();
        h.put("authorization", "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        h.put("brand", "ACME");
        h.put("location", "ACME001");
        h.put("terminal", "pos-1");
        h.put("content-type", "application/json");
        return h;
    }

    private JsonNode body(APIGatewayV2HTTPResponse r) throws Exception {
        return json.readTree(r.getBody());
    }

    @Test
    void listValueTypeAnswersWithTheEnvelope() throws Exception {
        var r = api.handle(event("POST", "/merchant/listValueType", headers("demo-key", SECRET), "{}"));
        assertEquals(200, r.getStatusCode());
        JsonNode b = body(r);
        assertTrue(b.get("success").asBoolean());
        assertEquals(36, b.get("requestRef").asText().length());
        JsonNode vt = b.get("valueTypes").get(0);
        assertEquals("Currency", vt.get("balanceType").asText());
        assertEquals("USD", vt.get("balanceCode").asText());
        assertEquals("500.00", vt.get("maxBalance").decimalValue().toPlainString());
        assertEquals("5.00", vt.get("minIssuance").decimalValue().toPlainString());
        assertTrue(vt.get("maxIssuance").isNull());
        assertEquals("*", r.getHeaders().get("access-control-allow-origin"));
    }

    @Test
    void everyResponseGetsAFreshRequestRef() throws Exception {
        var a = body(api.handle(event("POST", "/merchant/listValueType", headers("demo-key", SECRET), "{}")));
        var b = body(api.handle(event("POST", "/merchant/listValueType", headers("demo-key", "wrong"), "{}")));
        assertNotEquals(a.get("requestRef").asText(), b.get("requestRef").asText());
    }

    @Test
    void aWrongSecretIs401WithTheEnvelopeAndIsNeverLogged() throws Exception {
        var r = api.handle(event("POST", "/merchant/listValueType", headers("demo-key", "not-the-secret"), "{}"));
        assertEquals(401, r.getStatusCode());
        JsonNode b = body(r);
        assertFalse(b.get("success").asBoolean());
        assertEquals(2, b.get("errorCode").asInt());
        assertTrue(b.hasNonNull("requestRef"));
        api.handle(event("POST", "/merchant/listValueType", headers("demo-key", SECRET), "{}"));
        String log = logged.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains(SECRET) || log.contains("not-the-secret"), log);
    }

    @Test
    void headersAreCaseInsensitive() {
        Map<String, String> h = new HashMap<>();
        headers("demo-key", SECRET).forEach((k, v) -> h.put(k.substring(0, 1).toUpperCase() + k.substring(1), v));
        assertEquals(200, api.handle(event("POST", "/merchant/listValueType", h, "{}")).getStatusCode());
    }

    @Test
    void badInputGetsTheEnvelopeNeverA500() throws Exception {
        for (String bad : new String[] {"{", "[1,2]", "\"text\"", "{\"a\":1}{", "{\"a\":1,\"a\":2}",
                "{\"x\":" + "[".repeat(100) + "]".repeat(100) + "}", "{\"pad\":\"" + "x".repeat(70_000) + "\"}"}) {
            var r = api.handle(event("POST", "/merchant/listValueType", headers("demo-key", SECRET), bad));
            assertEquals(400, r.getStatusCode(), bad.length() > 60 ? bad.substring(0, 60) : bad);
            assertEquals(1, body(r).get("errorCode").asInt());
        }
    }

    @Test
    void unknownMethodsAndForeignBrandsAreRefused() throws Exception {
        var unknown = api.handle(event("POST", "/merchant/doesNotExist", headers("demo-key", SECRET), "{}"));
        assertEquals(404, unknown.getStatusCode());
        assertEquals(28, body(unknown).get("errorCode").asInt());
        var h = headers("demo-key", SECRET);
        h.put("brand", "OTHER");
        var foreign = api.handle(event("POST", "/merchant/listValueType", h, "{}"));
        assertEquals(403, foreign.getStatusCode());
    }

    @Test
    void preflightAllowsExactlyTheMerchantHeaders() {
        var r = api.handle(event("OPTIONS", "/merchant/listValueType", Map.of(), null));
        assertEquals(204, r.getStatusCode());
        String allowed = r.getHeaders().get("access-control-allow-headers");
        for (String h : new String[] {"brand", "location", "terminal", "employee", "employeepassword", "customrequestid",
                "externaltransactionid", "note", "accept", "content-type", "authorization"}) {
            assertTrue(allowed.contains(h), h);
        }
    }

    @Test
    void base64BodiesAreDecoded() {
        var e = event("POST", "/merchant/listValueType", headers("demo-key", SECRET),
                Base64.getEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8)));
        e.setIsBase64Encoded(true);
        assertEquals(200, api.handle(e).getStatusCode());
    }

    @Test
    void aKeyOverItsRateGets429WithTheEnvelopeUntilTokensRefill() throws Exception {
        var ok = event("POST", "/merchant/listValueType", headers("demo-key", SECRET), "{}");
        for (int i = 0; i < 50; i++) {
            assertEquals(200, api.handle(ok).getStatusCode(), "the burst of 50 is allowed");
        }
        var limited = api.handle(ok);
        assertEquals(429, limited.getStatusCode());
        assertEquals(29, body(limited).get("errorCode").asInt());
        now += 200_000_000L; // 0.2 s at 5/s refills one token
        assertEquals(200, api.handle(ok).getStatusCode());
        assertEquals(429, api.handle(ok).getStatusCode());
    }
}
