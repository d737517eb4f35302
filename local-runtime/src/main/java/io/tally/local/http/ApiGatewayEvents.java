package io.tally.local.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.tally.lambda.topology.Route;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the API Gateway HTTP API payload v2.0 event for a request, as API Gateway does: lower-case
 * header names with repeated headers joined by commas, the Cookie header moved into
 * {@code cookies}, decoded query and path parameters (null when there are none), the
 * {@code x-forwarded-*} and {@code x-amzn-trace-id} headers API Gateway adds, and a body that is
 * text for textual content types and base64 otherwise (also for form posts, as HTTP APIs do).
 */
final class ApiGatewayEvents {
    static final String STAGE = "$default";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** Connection-level headers a proxy consumes rather than forwards. */
    private static final java.util.Set<String> HOP_BY_HOP = java.util.Set.of("connection", "keep-alive",
            "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "http2-settings");

    private ApiGatewayEvents() {
    }

    /** Per-request values API Gateway makes up: kept apart so tests can pin them. */
    record Stamp(String requestId, String traceId, Instant now) {
    }

    static APIGatewayV2HTTPEvent build(IncomingRequest request, Route route, FrontSettings settings, Stamp stamp) {
        Map<String, String> headers = joinedHeaders(request, stamp);
        List<String> cookies = cookies(request.headers().get("cookie"));
        String host = headers.getOrDefault("host", "127.0.0.1:" + request.localPort());
        String contentType = headers.get("content-type");
        boolean base64 = !isTextual(contentType);
        String body = request.body().length == 0 ? null
                : base64 ? Base64.getEncoder().encodeToString(request.body())
                : new String(request.body(), StandardCharsets.UTF_8);
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(route.routeKey())
                .withRawPath(request.rawPath())
                .withRawQueryString(request.rawQuery() == null ? "" : request.rawQuery())
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(queryParameters(request.rawQuery()))
                .withPathParameters(PathParameters.of(route.path(), request.rawPath()))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAccountId(settings.accountId())
                        .withApiId(settings.apiId())
                        .withDomainName(host)
                        .withDomainPrefix(domainPrefix(host))
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(request.method())
                                .withPath(request.rawPath())
                                .withProtocol(request.protocol())
                                .withSourceIp(request.sourceIp())
                                .withUserAgent(headers.get("user-agent"))
                                .build())
                        .withRequestId(stamp.requestId())
                        .withRouteKey(route.routeKey())
                        .withStage(STAGE)
                        .withTime(TIME.format(stamp.now()))
                        .withTimeEpoch(stamp.now().toEpochMilli())
                        .build())
                .withBody(body)
                .withIsBase64Encoded(base64)
                .build();
    }

    private static Map<String, String> joinedHeaders(IncomingRequest request, Stamp stamp) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> {
            if (!name.equals("cookie") && !HOP_BY_HOP.contains(name)) {
                headers.put(name, String.join(",", values));
            }
        });
        String forwardedFor = headers.get("x-forwarded-for");
        headers.put("x-forwarded-for", forwardedFor == null ? request.sourceIp() : forwardedFor + ", " + request.sourceIp());
        headers.put("x-forwarded-port", Integer.toString(request.localPort()));
        headers.put("x-forwarded-proto", "http");
        headers.putIfAbsent("x-amzn-trace-id", stamp.traceId());
        return headers;
    }

    static List<String> cookies(List<String> cookieHeaders) {
        List<String> cookies = new ArrayList<>();
        if (cookieHeaders != null) {
            for (String header : cookieHeaders) {
                for (String cookie : header.split(";")) {
                    if (!cookie.isBlank()) {
                        cookies.add(cookie.strip());
                    }
                }
            }
        }
        return cookies;
    }

    static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters.isEmpty() ? null : parameters;
    }

    static String decode(String component) {
        try {
            return URLDecoder.decode(component, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return component; // API Gateway passes malformed escapes through rather than failing the request
        }
    }

    /** Text for these, base64 for everything else (binary, form posts, no content type at all). */
    static boolean isTextual(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.startsWith("text/")
                || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml")
                || type.equals("application/javascript") || type.equals("application/graphql")
                || type.equals("application/yaml");
    }

    private static String domainPrefix(String host) {
        String name = host.startsWith("[") ? host : host.split(":", 2)[0];
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
