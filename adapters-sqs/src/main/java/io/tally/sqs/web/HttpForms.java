package io.tally.sqs.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading what a browser sends to a page front (member portal, back office) through the HTTP API: form fields
 * (API Gateway delivers form posts base64-encoded), query parameters and cookies. Malformed escapes decode to "",
 * never to an exception: bad input is answered by the page, not by a fault.
 */
public final class HttpForms {
    private HttpForms() {
    }

    /** Every value of every form field; empty when there is no body or it is longer than {@code maxBody} characters. */
    public static Map<String, List<String>> form(APIGatewayV2HTTPEvent event, int maxBody) {
        String body = event.getBody();
        if (body == null || body.isEmpty()) {
            return Map.of();
        }
        if (event.getIsBase64Encoded()) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        if (body.length() > maxBody) {
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

    /** The first value of each query parameter (a raw query string, without '?'). */
    public static Map<String, String> query(String raw) {
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

    /** The request's cookies by name, the first of each name (payload 2.0 lists them; an entry may hold several). */
    public static Map<String, String> cookies(List<String> cookies) {
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

    /** Decodes one path segment: percent escapes only ('+' is itself in a path, not a space); "" if malformed. */
    public static String decodePathSegment(String segment) {
        return decode(segment.replace("+", "%2B"));
    }

    /** URL-decodes one form field or query parameter ('+' is a space); "" if its escapes are malformed. */
    public static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }
}
