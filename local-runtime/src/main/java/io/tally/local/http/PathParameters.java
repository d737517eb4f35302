package io.tally.local.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** The values of a route template's {@code {name}} and {@code {name+}} segments in a request path. */
final class PathParameters {
    private PathParameters() {
    }

    /** Decoded parameter values, or null when the template has none (API Gateway omits the field). */
    static Map<String, String> of(String template, String rawPath) {
        String[] templateParts = template.substring(1).split("/", -1);
        String[] pathParts = rawPath.substring(1).split("/", -1);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < templateParts.length && i < pathParts.length; i++) {
            String part = templateParts[i];
            if (part.startsWith("{") && part.endsWith("+}")) {
                String rest = String.join("/", java.util.Arrays.copyOfRange(pathParts, i, pathParts.length));
                parameters.put(part.substring(1, part.length() - 2), decodeSegment(rest));
                break;
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                parameters.put(part.substring(1, part.length() - 1), decodeSegment(pathParts[i]));
            }
        }
        return parameters.isEmpty() ? null : parameters;
    }

    /** Percent-decoding only: in a path, unlike a query, '+' is a plus sign. */
    private static String decodeSegment(String raw) {
        return ApiGatewayEvents.decode(raw.replace("+", "%2B"));
    }
}
