package io.tally.portal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.tally.domain.fakes.MemberWorld;
import io.tally.domain.member.Challenges;
import io.tally.domain.member.ClientLimits;
import io.tally.domain.referral.InviteFriendsUseCase;
import io.tally.domain.member.PreferencesUseCase;
import io.tally.domain.shared.SignedTokens;
import io.tally.domain.member.VerifyCardUseCase;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The member pages behind the brand's CloudFront distribution: only requests carrying the distribution's origin
 * header are served (the WAF in front of it cannot be walked around through the API's own host), and their client
 * address is the viewer's, never the edge server's, nor one a caller claims without the secret.
 */
class PortalEdgeTest {
    private static final String SECRET = "edge-secret-0123456789abcdefghijklmnopqrstuv";
    private final MemberWorld m = new MemberWorld();

    private PortalApp app(Optional<String> edgeSecret) {
        SignedTokens tokens = new SignedTokens(new byte[32]);
        return new PortalApp(m.stores, m.world.programs, new VerifyCardUseCase(m.world.cards, m.world.queries, m.stores,
                m.world.clock), new Challenges(tokens, m.world.random, m.world.clock), m.enroll,
                new InviteFriendsUseCase(m.stores, m.mail, m.links, m.world.events, m.world.clock),
                new PreferencesUseCase(m.stores, m.world.events, m.world.clock), m.links,
                new PortalSecurityFactory(tokens, m.world.random, false), Optional.of("https://members.acme.example"),
                m.world.clock, new ClientLimits(m.stores, m.world.clock), edgeSecret);
    }

    private static APIGatewayV2HTTPEvent event(Map<String, String> headers) {
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath("/portal/ACME/enroll")
                .withSourceIp("130.176.1.1").build();
        return APIGatewayV2HTTPEvent.builder().withRawPath("/portal/ACME/enroll").withHeaders(headers)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http)
                        .withDomainName("abc123.execute-api.eu-west-1.amazonaws.com").build()).build();
    }

    @Test
    void behind_the_distribution_a_request_without_its_origin_header_is_refused() {
        PortalApp app = app(Optional.of(SECRET));
        assertEquals(403, app.handle(event(Map.of())).getStatusCode());
        assertEquals(403, app.handle(event(Map.of("X-Tally-Edge", SECRET + "x"))).getStatusCode());
        var refused = app.handle(event(Map.of("x-tally-edge", "")));
        assertEquals(403, refused.getStatusCode());
        assertTrue(refused.getBody().contains("https://members.acme.example"), refused.getBody());
        assertEquals(200, app.handle(event(Map.of("X-Tally-Edge", SECRET))).getStatusCode());
    }

    @Test
    void without_a_distribution_the_pages_are_served_directly_as_before() {
        assertEquals(200, app(Optional.empty()).handle(event(Map.of())).getStatusCode());
    }

    @Test
    void the_client_is_the_viewer_cloudfront_reports_and_only_on_a_request_through_the_distribution() {
        Map<String, String> headers = new HashMap<>(Map.of("X-Tally-Edge", SECRET,
                "CloudFront-Viewer-Address", "198.51.100.10:46532"));
        assertEquals("198.51.100.10", PortalRequest.of(event(headers), Optional.of(SECRET)).orElseThrow().sourceIp());
        headers.put("CloudFront-Viewer-Address", "2001:db8::1:46532");
        assertEquals("2001:db8::1", PortalRequest.of(event(headers), Optional.of(SECRET)).orElseThrow().sourceIp());
        // a caller that names a viewer address without the secret is counted by its own address
        headers.remove("X-Tally-Edge");
        PortalRequest direct = PortalRequest.of(event(headers), Optional.empty()).orElseThrow();
        assertEquals("130.176.1.1", direct.sourceIp());
        assertFalse(direct.throughEdge());
        assertEquals("130.176.1.1", PortalRequest.of(event(headers), Optional.of(SECRET)).orElseThrow().sourceIp());
    }
}
