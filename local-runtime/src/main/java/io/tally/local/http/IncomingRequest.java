package io.tally.local.http;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as the front received it, before it becomes an API Gateway event.
 *
 * @param headers lower-case names in arrival order, each with its values in arrival order
 */
record IncomingRequest(
        String method,
        String rawPath,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body,
        String sourceIp,
        int localPort,
        String protocol) {

    String firstHeader(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
