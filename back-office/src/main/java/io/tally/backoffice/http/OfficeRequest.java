package io.tally.backoffice.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.tally.sqs.web.HttpForms;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One back-office request: the method, the path below {@code /admin} ({@code /} for the home page), the form fields
 * (API Gateway delivers form posts base64-encoded), the query parameters and the cookies.
 */
public record OfficeRequest(String method, String path, Map<String, List<String>> form, Map<String, String> query,
                            Map<String, String> cookies, String host) {
    public static final String PREFIX = "/admin";
    static final int MAX_BODY = 64 * 1024;

    public OfficeRequest {
        form = Map.copyOf(form);
        query = Map.copyOf(query);
        cookies = Map.copyOf(cookies);
        host = host == null || host.isBlank() ? "localhost" : host;
    }

    /** A request without a known host (tests). */
    public OfficeRequest(String method, String path, Map<String, List<String>> form, Map<String, String> query,
                         Map<String, String> cookies) {
        this(method, path, form, query, cookies, "localhost");
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
        Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
        String host = ctx != null && ctx.getDomainName() != null ? ctx.getDomainName() : headers.getOrDefault("host", "localhost");
        return Optional.of(new OfficeRequest(method.toUpperCase(Locale.ROOT), path, HttpForms.form(event, MAX_BODY),
                HttpForms.query(event.getRawQueryString()), HttpForms.cookies(event.getCookies()), host));
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
}
