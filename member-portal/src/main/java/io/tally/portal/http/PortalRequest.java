package io.tally.portal.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One portal request as the handler needs it: method, brand and page from the path, form fields (decoded
 * from base64 as API Gateway delivers form posts), query parameters, cookies and the client's address.
 */
record PortalRequest(String method, String brand, String page, Map<String, List<String>> form,
                     Map<String, String> query, Map<String, String> cookies, String sourceIp, String host,
                     String contentType) {
    static final int MAX_BODY = 16 * 1024;

    static Optional<PortalRequest> of(APIGatewayV2HTTPEvent event) {
        String path = event.getRawPath() == null ? "" : event.getRawPath();
        String[] parts = path.split("/", -1);
        if (parts.length < 3 || !parts[1].equals("portal")) {
            return Optional.empty();
        }
        String page = parts.length >= 4 ? parts[3] : "";
        if (parts.length > 4) {
            return Optional.empty();
        }
        var ctx = event.getRequestContext();
        String method = ctx != null && ctx.getHttp() != null ? ctx.getHttp().getMethod() : "GET";
        String ip = ctx != null && ctx.getHttp() != null && ctx.getHttp().getSourceIp() != null ? ctx.getHttp().getSourceIp() : "unknown";
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        }
        String host = ctx != null && ctx.getDomainName() != null ? ctx.getDomainName() : headers.getOrDefault("host", "localhost");
        return Optional.of(new PortalRequest(method.toUpperCase(Locale.ROOT), parts[2], page, form(event),
                query(event.getRawQueryString()), cookies(event.getCookies()), ip, host,
                headers.getOrDefault("content-type", "")));
    }

    String field(String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    List<String> fields(String name) {
        return form.getOrDefault(name, List.of());
    }

    Map<String, String> firstValues() {
        Map<String, String> first = new HashMap<>();
        form.forEach((k, v) -> first.put(k, v.isEmpty() ? "" : v.get(0)));
        return first;
    }

    private static Map<String, List<String>> form(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null || body.isEmpty()) {
            return Map.of();
        }
        if (event.getIsBase64Encoded()) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        if (body.length() > MAX_BODY) {
            return Map.of();
        }
        Map<String, List<String>> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            form.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return form;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.putIfAbsent(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
        return query;
    }

    private static Map<String, String> cookies(List<String> cookies) {
        Map<String, String> map = new HashMap<>();
        if (cookies != null) {
            for (String c : cookies) {
                int eq = c.indexOf('=');
                if (eq > 0) {
                    map.putIfAbsent(c.substring(0, eq).strip(), c.substring(eq + 1).strip());
                }
            }
        }
        return map;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }
}
