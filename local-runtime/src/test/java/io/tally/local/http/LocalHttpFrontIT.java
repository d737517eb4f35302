package io.tally.local.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.tally.lambda.topology.FunctionId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalHttpFrontIT {
    private static final String FIXTURE = "/fixtures/apigw-http-v2/merchant-post.json";

    private final List<APIGatewayV2HTTPEvent> events = new CopyOnWriteArrayList<>();
    private final List<FunctionId> invoked = new CopyOnWriteArrayList<>();
    private volatile RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
            (event, context) -> response(200, "{\"ok\":true}");
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private LocalHttpFront front;

    @BeforeEach
    void start() {
        front = startFront(FrontSettings.onPort(0).withApi("123456789012", "r3pmxmplak"));
    }

    @AfterEach
    void stop() {
        front.close();
    }

    /**
     * The recorded request, replayed byte for byte (a raw socket, so that Host and every header are
     * as recorded), gives the recorded event on every field except those that differ per request or
     * per connection; each of those is checked for its local meaning instead:
     * <ul>
     *   <li>requestContext.requestId: fresh per request (and echoed in the apigw-requestid header);</li>
     *   <li>requestContext.time, timeEpoch: the clock at the request;</li>
     *   <li>headers.x-amzn-trace-id: a fresh trace id per request;</li>
     *   <li>requestContext.http.sourceIp, headers.x-forwarded-for: the client's address, a public
     *       address on AWS, 127.0.0.1 here;</li>
     *   <li>headers.x-forwarded-port, x-forwarded-proto: the listener, 443/https on AWS, the front's
     *       free port and http here.</li>
     * </ul>
     */
    @Test
    void builtEventEqualsTheRecordedOneButForPerRequestFields() throws Exception {
        APIGatewayV2HTTPEvent recorded = readFixture();
        Instant before = Instant.now().minusSeconds(1);

        String rawResponse = sendRaw(String.join("\r\n",
                "POST /merchant/getBalance?lang=en&tag=gift&tag=loyalty%20card HTTP/1.1",
                "Host: r3pmxmplak.execute-api.us-east-2.amazonaws.com",
                "Accept: application/json",
                "Accept-Encoding: gzip, deflate, br",
                "Accept-Language: en-US,en;q=0.9",
                "Content-Type: application/json",
                "Content-Length: " + recorded.getBody().length(),
                "User-Agent: " + recorded.getRequestContext().getHttp().getUserAgent(),
                "Cookie: s_fid=7AABXMPL1AFD9BBF-0643XMPL09956DE2; regStatus=pre-register",
                "X-Tally-Client: pos-7",
                "X-Tally-Client: pos-8",
                "Connection: close",
                "",
                recorded.getBody()));

        assertTrue(rawResponse.startsWith("HTTP/1.1 200"), rawResponse);
        assertEquals(1, events.size());
        APIGatewayV2HTTPEvent built = events.get(0);
        APIGatewayV2HTTPEvent.RequestContext context = built.getRequestContext();
        Map<String, String> headers = built.getHeaders();

        assertFalse(context.getRequestId().isBlank());
        assertTrue(rawResponse.toLowerCase().contains("apigw-requestid: " + context.getRequestId().toLowerCase()), rawResponse);
        Instant at = Instant.ofEpochMilli(context.getTimeEpoch());
        assertTrue(!at.isBefore(before) && !at.isAfter(Instant.now().plusSeconds(1)), at.toString());
        assertEquals(ApiGatewayEvents.TIME.format(at), context.getTime());
        assertTrue(headers.get("x-amzn-trace-id").matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}"), headers.get("x-amzn-trace-id"));
        assertEquals("127.0.0.1", context.getHttp().getSourceIp());
        assertEquals("127.0.0.1", headers.get("x-forwarded-for"));
        assertEquals(Integer.toString(front.port()), headers.get("x-forwarded-port"));
        assertEquals("http", headers.get("x-forwarded-proto"));

        for (APIGatewayV2HTTPEvent event : List.of(recorded, built)) {
            APIGatewayV2HTTPEvent.RequestContext c = event.getRequestContext();
            c.setRequestId(null);
            c.setTime(null);
            c.setTimeEpoch(0);
            c.getHttp().setSourceIp(null);
            for (String perRequest : List.of("x-amzn-trace-id", "x-forwarded-for", "x-forwarded-port", "x-forwarded-proto")) {
                event.getHeaders().remove(perRequest);
            }
        }
        assertEquals(recorded, built);
    }

    @Test
    void cookiesComeInAsAListAndGoOutAsOneSetCookieEach() throws Exception {
        handler = (event, context) -> {
            APIGatewayV2HTTPResponse response = response(200, "hi");
            response.setHeaders(Map.of("content-type", "text/plain"));
            response.setMultiValueHeaders(Map.of("x-multi", List.of("1", "2")));
            response.setCookies(List.of("session=abc; Path=/; HttpOnly", "theme=dark"));
            return response;
        };

        HttpResponse<String> response = client.send(post("/merchant/login?x=1")
                .header("Cookie", "a=1; b=2").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertEquals("hi", response.body());
        assertEquals(List.of("session=abc; Path=/; HttpOnly", "theme=dark"), response.headers().allValues("set-cookie"));
        assertEquals(List.of("1", "2"), response.headers().allValues("x-multi"));
        APIGatewayV2HTTPEvent event = events.get(0);
        assertEquals(List.of("a=1", "b=2"), event.getCookies());
        assertFalse(event.getHeaders().containsKey("cookie"));
        assertEquals(Map.of("method", "login"), event.getPathParameters());
        assertEquals(Map.of("x", "1"), event.getQueryStringParameters());
        assertEquals("{}", event.getBody());
        assertFalse(event.getIsBase64Encoded());
    }

    @Test
    void binaryAndFormBodiesAreBase64BothWays() throws Exception {
        byte[] image = {0, 1, 2, (byte) 0xff, (byte) 0xfe};
        handler = (event, context) -> {
            APIGatewayV2HTTPResponse response = response(200, Base64.getEncoder().encodeToString(image));
            response.setIsBase64Encoded(true);
            response.setHeaders(Map.of("content-type", "image/png"));
            return response;
        };

        HttpResponse<byte[]> binary = client.send(post("/merchant/upload").header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(image)).build(), HttpResponse.BodyHandlers.ofByteArray());
        client.send(post("/merchant/form").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=1&b=%C3%A9")).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertArrayEquals(image, binary.body());
        assertTrue(events.get(0).getIsBase64Encoded());
        assertArrayEquals(image, Base64.getDecoder().decode(events.get(0).getBody()));
        assertTrue(events.get(1).getIsBase64Encoded(), "HTTP APIs base64-encode form posts");
        assertEquals("a=1&b=%C3%A9", new String(Base64.getDecoder().decode(events.get(1).getBody()), StandardCharsets.UTF_8));
    }

    @Test
    void requestsWithoutBodyOrQueryLeaveThoseFieldsOut() throws Exception {
        client.send(HttpRequest.newBuilder(front.baseUrl().resolve("/merchant/ping")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());

        APIGatewayV2HTTPEvent event = events.get(0);
        assertEquals("OPTIONS /merchant/{method}", event.getRouteKey());
        assertEquals("", event.getRawQueryString());
        assertNull(event.getQueryStringParameters());
        assertNull(event.getCookies());
        assertNull(event.getBody());
        assertEquals(List.of(FunctionId.MERCHANT_API), invoked);
        assertEquals(front.baseUrl().getAuthority(), event.getRequestContext().getDomainName());
    }

    @Test
    void unmatchedRequestsGoToTheDefaultRoute() throws Exception {
        HttpResponse<String> unknownPath = client.send(HttpRequest.newBuilder(front.baseUrl().resolve("/nowhere")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknownMethod = client.send(HttpRequest.newBuilder(front.baseUrl().resolve("/merchant/getBalance")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        for (HttpResponse<String> response : List.of(unknownPath, unknownMethod)) {
            assertEquals(200, response.statusCode(), "the test's handler answers");
        }
        assertEquals(List.of("$default", "$default"), events.stream().map(APIGatewayV2HTTPEvent::getRouteKey).toList());
        assertNull(events.get(0).getPathParameters());
        assertEquals("/merchant/getBalance", events.get(1).getRawPath());
        assertEquals(List.of(FunctionId.MERCHANT_API, FunctionId.MERCHANT_API), invoked);
    }

    @Test
    void aFailingHandlerGetsInternalServerError() throws Exception {
        handler = (event, context) -> {
            throw new IllegalStateException("handler bug (expected by LocalHttpFrontIT)");
        };

        HttpResponse<String> response = client.send(post("/merchant/getBalance").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(500, response.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", response.body());
    }

    @Test
    void oversizedBodiesAreRefused() throws Exception {
        front.close();
        front = startFront(FrontSettings.onPort(0).withMaxBodyBytes(1024));

        HttpResponse<String> tooBig = client.send(post("/merchant/getBalance")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1025])).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> justFits = client.send(post("/merchant/getBalance")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1024])).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(413, tooBig.statusCode());
        assertEquals("{\"message\":\"Request Entity Too Large\"}", tooBig.body());
        assertEquals(200, justFits.statusCode());
    }

    @Test
    void servesRequestsConcurrently() throws Exception {
        CountDownLatch bothInside = new CountDownLatch(2);
        handler = (event, context) -> {
            bothInside.countDown();
            try {
                // only returns once the other request is inside the handler too
                return response(bothInside.await(30, TimeUnit.SECONDS) ? 200 : 503, "");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return response(503, "");
            }
        };

        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            calls.add(client.sendAsync(post("/merchant/m" + i).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }

        for (CompletableFuture<HttpResponse<String>> call : calls) {
            assertEquals(200, call.get(60, TimeUnit.SECONDS).statusCode());
        }
    }

    private LocalHttpFront startFront(FrontSettings settings) {
        LocalHttpFront started = LocalHttpFront.start(settings, function -> {
            assertNotNull(function);
            return (event, context) -> {
                invoked.add(function);
                events.add(event);
                assertEquals(function.logicalName(), context.getFunctionName());
                return handler.handleRequest(event, context);
            };
        });
        return started;
    }

    private HttpRequest.Builder post(String path) {
        return HttpRequest.newBuilder(front.baseUrl().resolve(path)).timeout(Duration.ofSeconds(60));
    }

    private static APIGatewayV2HTTPResponse response(int status, String body) {
        APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
        response.setStatusCode(status);
        response.setBody(body);
        return response;
    }

    private static APIGatewayV2HTTPEvent readFixture() throws IOException {
        try (InputStream in = LocalHttpFrontIT.class.getResourceAsStream(FIXTURE)) {
            assertNotNull(in, FIXTURE);
            return LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, LocalHttpFrontIT.class.getClassLoader())
                    .fromJson(in);
        }
    }

    /** Sends a hand-written HTTP/1.1 request ({@code Connection: close}) and returns the whole response. */
    private String sendRaw(String request) throws IOException {
        URI base = front.baseUrl();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(response);
            return response.toString(StandardCharsets.UTF_8);
        }
    }
}
