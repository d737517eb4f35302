package io.tally.backoffice.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.tally.sqs.web.HttpForms;
import io.tally.sqs.web.MultipartForm;
import io.tally.sqs.web.MultipartForm.FilePart;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One back-office request: the method, the path below {@code /admin} ({@code /} for the home page), the form fields
 * (API Gateway delivers form posts base64-encoded), the query parameters and the cookies.
 */
public record OfficeRequest(String method, String path, Map<String, List<String>> form, Map<String, String> query,
                            Map<String, String> cookies, String host, Map<String, FilePart> files) {
    public static final String PREFIX = "/admin";
    static final int MAX_BODY = 64 * 1024;
    /**
     * Largest multipart upload read (the asset library's images are at most 1 MB: a bigger one still arrives, so the
     * page can say it is too big); beyond it the form reads as empty and the post fails its CSRF check.
     */
    static final int MAX_UPLOAD = 4 * 1024 * 1024;

    public OfficeRequest {
        form = Map.copyOf(form);
        query = Map.copyOf(query);
        cookies = Map.copyOf(cookies);
        host = host == null || host.isBlank() ? "localhost" : host;
        files = Map.copyOf(files);
    }

    /** A request without uploaded files. */
    public OfficeRequest(String method, String path, Map<String, List<String>> form, Map<String, String> query,
                         Map<String, String> cookies, String host) {
        this(method, path, form, query, cookies, host, Map.of());
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
        if (MultipartForm.is(event)) {
            Optional<MultipartForm> multipart = MultipartForm.of(event, MAX_UPLOAD);
            return Optional.of(new OfficeRequest(method.toUpperCase(Locale.ROOT), path,
                    multipart.map(MultipartForm::fields).orElse(Map.of()), HttpForms.query(event.getRawQueryString()),
                    HttpForms.cookies(event.getCookies()), host, multipart.map(MultipartForm::files).orElse(Map.of())));
        }
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

    /** An uploaded file of a multipart form, if one came under {@code name}. */
    public Optional<FilePart> file(String name) {
        return Optional.ofNullable(files.get(name));
    }

    /** A query parameter; "" when absent. */
    public String query(String name) {
        return query.getOrDefault(name, "");
    }
}
