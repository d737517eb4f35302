package io.tally.portal.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tally.domain.delivery.TrackingUseCase;
import io.tally.domain.tenant.BrandId;
import java.util.Map;
import java.util.Optional;

/**
 * The e-mails' tracking: {@code /o?t=} answers a 1x1 transparent GIF and counts an open; {@code /c?t=} counts a click
 * and redirects (302) to the destination the signed token names, nowhere else (no open redirect). Neither is cached
 * ({@code no-store}: each open or click must reach us). A token that is not one of ours answers 400 and writes nothing.
 */
final class TrackingPage {
    static final String OPEN = "o";
    static final String CLICK = "c";
    /** The smallest transparent GIF (1x1, one colour, transparent). */
    static final String PIXEL = "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";
    private final PortalSecurity security;
    private final TrackingUseCase tracking;

    TrackingPage(PortalSecurity security, TrackingUseCase tracking) {
        this.security = security;
        this.tracking = tracking;
    }

    APIGatewayV2HTTPResponse handle(BrandId brand, PortalRequest r) {
        String token = r.query().getOrDefault("t", "");
        if (r.page().equals(OPEN)) {
            return tracking.open(brand, token) ? answer(200, "image/gif", PIXEL, true, Optional.empty())
                    : invalid();
        }
        return tracking.click(brand, token).map(url -> answer(302, "text/plain; charset=utf-8", "", false, Optional.of(url)))
                .orElseGet(this::invalid);
    }

    private APIGatewayV2HTTPResponse invalid() {
        return answer(400, "text/plain; charset=utf-8", "This link is not valid.", false, Optional.empty());
    }

    private APIGatewayV2HTTPResponse answer(int status, String type, String body, boolean base64, Optional<String> location) {
        Map<String, String> headers = security.headers(type);
        headers.put("cache-control", "no-store");
        location.ifPresent(l -> headers.put("location", l));
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers).withBody(body)
                .withIsBase64Encoded(base64).build();
    }
}
