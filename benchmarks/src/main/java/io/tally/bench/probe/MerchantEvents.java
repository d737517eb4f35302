package io.tally.bench.probe;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * API Gateway HTTP API (payload 2.0) events for {@code POST /merchant/{method}}, shaped like the recorded
 * fixture the local runtime is tested against (local-runtime/src/test/resources/fixtures/apigw-http-v2):
 * lower-case headers including the ones API Gateway adds, path parameters, request context. Fixed ids and
 * times: a benchmark must not depend on a clock or on randomness.
 */
public final class MerchantEvents {
    private final String authorization;
    private final String brand;
    private final String location;
    private final String terminal;

    public MerchantEvents(String apiKey, String secret, String brand, String location, String terminal) {
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((apiKey + ":" + secret).getBytes(StandardCharsets.UTF_8));
        this.brand = brand;
        this.location = location;
        this.terminal = terminal;
    }

    /** Credentials from the probe's command line: key, secret, brand, location, terminal. */
    public static MerchantEvents fromArgs(String[] args, int from) {
        return new MerchantEvents(args[from], args[from + 1], args[from + 2], args[from + 3], args[from + 4]);
    }

    public APIGatewayV2HTTPEvent post(String method, String jsonBody) {
        return post(method, jsonBody, Map.of());
    }

    public APIGatewayV2HTTPEvent post(String method, String jsonBody, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("accept", "application/json");
        headers.put("authorization", authorization);
        headers.put("brand", brand);
        headers.put("location", location);
        headers.put("terminal", terminal);
        headers.put("content-length", Integer.toString(jsonBody.getBytes(StandardCharsets.UTF_8).length));
        headers.put("content-type", "application/json");
        headers.put("host", "r3pmxmplak.execute-api.us-east-1.amazonaws.com");
        headers.put("user-agent", "tally-bench-pos/1.0");
        headers.put("x-amzn-trace-id", "Root=1-5e6722a7-cc56xmpl46db7ae02d4da47e");
        headers.put("x-forwarded-for", "205.255.255.176");
        headers.put("x-forwarded-port", "443");
        headers.put("x-forwarded-proto", "https");
        headers.putAll(extraHeaders);
        String path = "/merchant/" + method;
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("POST /merchant/{method}")
                .withRawPath(path)
                .withRawQueryString("")
                .withHeaders(headers)
                .withPathParameters(Map.of("method", method))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAccountId("123456789012")
                        .withApiId("r3pmxmplak")
                        .withDomainName("r3pmxmplak.execute-api.us-east-1.amazonaws.com")
                        .withDomainPrefix("r3pmxmplak")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("POST").withPath(path).withProtocol("HTTP/1.1")
                                .withSourceIp("205.255.255.176").withUserAgent("tally-bench-pos/1.0").build())
                        .withRequestId("JKJaXmPLvHcESHA=")
                        .withRouteKey("POST /merchant/{method}")
                        .withStage("$default")
                        .withTime("10/Mar/2020:05:16:23 +0000")
                        .withTimeEpoch(1583817383220L)
                        .build())
                .withBody(jsonBody)
                .withIsBase64Encoded(false)
                .build();
    }
}
