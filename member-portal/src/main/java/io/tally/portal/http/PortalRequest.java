package io.tally.portal.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.tally.sqs.web.HttpForms;
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
        return Optional.of(new PortalRequest(method.toUpperCase(Locale.ROOT), parts[2], page, HttpForms.form(event, MAX_BODY),
                HttpForms.query(event.getRawQueryString()), HttpForms.cookies(event.getCookies()), ip, host,
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
}
