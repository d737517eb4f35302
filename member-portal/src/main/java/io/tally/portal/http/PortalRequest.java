package io.tally.portal.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.tally.sqs.web.HttpForms;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One portal request as the handler needs it: method, brand and page from the path, form fields (decoded
 * from base64 as API Gateway delivers form posts), query parameters, cookies and the client's address.
 *
 * <p>Behind the brand's CloudFront distribution ({@code infra-cdk} {@code PortalDistribution}) the connection comes
 * from an edge server, so the client's address is the one CloudFront reports in {@code CloudFront-Viewer-Address};
 * that header is believed only on a request that carries the distribution's secret origin header ({@link #EDGE_HEADER}),
 * which only CloudFront adds. {@code throughEdge} says whether it did.
 */
record PortalRequest(String method, String brand, String page, Map<String, List<String>> form,
                     Map<String, String> query, Map<String, String> cookies, String sourceIp, String host,
                     String contentType, boolean throughEdge) {
    static final int MAX_BODY = 16 * 1024;
    /** The origin header the member pages' distribution adds with the stack's edge secret. */
    static final String EDGE_HEADER = "x-tally-edge";
    static final String VIEWER_ADDRESS_HEADER = "cloudfront-viewer-address";

    static final String ASSETS = "assets";

    static Optional<PortalRequest> of(APIGatewayV2HTTPEvent event) {
        return of(event, Optional.empty());
    }

    /** @param edgeSecret the distribution's origin header value, when the stack has one (TALLY_PORTAL_EDGE_SECRET) */
    static Optional<PortalRequest> of(APIGatewayV2HTTPEvent event, Optional<String> edgeSecret) {
        String path = event.getRawPath() == null ? "" : event.getRawPath();
        String[] parts = path.split("/", -1);
        if (parts.length < 3 || !parts[1].equals("portal")) {
            return Optional.empty();
        }
        String page = parts.length >= 4 ? parts[3] : "";
        if (parts.length == 5 && page.equals(ASSETS)) {
            page = ASSETS + "/" + parts[4]; // an asset library image, /portal/<brand>/assets/<id>.<ext>
        } else if (parts.length > 4) {
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
        boolean throughEdge = edgeSecret.isPresent() && MessageDigest.isEqual(
                edgeSecret.get().getBytes(StandardCharsets.UTF_8),
                headers.getOrDefault(EDGE_HEADER, "").getBytes(StandardCharsets.UTF_8));
        if (throughEdge) {
            ip = viewerAddress(headers.get(VIEWER_ADDRESS_HEADER)).orElse(ip);
        }
        return Optional.of(new PortalRequest(method.toUpperCase(Locale.ROOT), parts[2], page, HttpForms.form(event, MAX_BODY),
                HttpForms.query(event.getRawQueryString()), HttpForms.cookies(event.getCookies()), ip, host,
                headers.getOrDefault("content-type", ""), throughEdge));
    }

    /** The IP of {@code CloudFront-Viewer-Address} ({@code 198.51.100.10:46532}, {@code 2001:db8::1:46532}): up to the last colon. */
    static Optional<String> viewerAddress(String header) {
        if (header == null || header.lastIndexOf(':') <= 0) {
            return Optional.empty();
        }
        return Optional.of(header.substring(0, header.lastIndexOf(':')).strip()).filter(a -> !a.isEmpty());
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
