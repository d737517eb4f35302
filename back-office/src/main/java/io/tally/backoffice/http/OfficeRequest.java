package io.tally.backoffice.http;

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
 * One back-office request: the method, the path below {@code /admin} ({@code /} for the home page), the form fields
 * (API Gateway delivers form posts base64-encoded), the query parameters and the cookies.
 */
public record OfficeRequest(String method, String path, Map<String, List<String>> form, Map<String, String> query,
                            Map<String, String> cookies) {
    public static final String PREFIX = "/admin";
    static final int MAX_BODY = 64 * 1024;

    public OfficeRequest {
        form = Map.copyOf(form);
        query = Map.copyOf(query);
        cookies = Map.copyOf(cookies);
    }

    static Optional<OfficeRequest> of(APIGatewayV2HTTPEvent event) {
        String raw = event.getRawPath() == null ? "" : event.getRawPath();
        if (!raw.equals(PREFIX) && !raw.startsWith(PREFIX + "/")) {
            return Optional.empty();
        }
        String path = raw.substring(PREFIX.length());
        if (path.isEmpty()) {
            path = "/";
        }
        var ctx = event.getRequestContext();
        String method = ctx != null && ctx.getHttp() != null ? ctx.getHttp().getMethod() : "GET";
        return Optional.of(new OfficeRequest(method.toUpperCase(Locale.ROOT), path, form(event),
                parseQuery(event.getRawQueryString()), cookies(event.getCookies())));
    }

    /** The first value of a form field, stripped; "" when absent. */
    public String field(String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0).strip();
    }

    /** Every value of a form field (checkboxes, multiple selects). */
    public List<String> fields(String name) {
        return form.getOrDefault(name, List.of());
    }

    /** A query parameter; "" when absent. */
    public String query(String name) {
        return query.getOrDefault(name, "");
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
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                form.computeIfAbsent(key, k -> new ArrayList<>()).add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return form;
    }

    private static Map<String, String> parseQuery(String raw) {
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
            for (String header : cookies) {
                for (String c : header.split(";")) {
                    int eq = c.indexOf('=');
                    if (eq > 0) {
                        map.putIfAbsent(c.substring(0, eq).strip(), c.substring(eq + 1).strip());
                    }
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
