package io.tally.portal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tally.domain.fakes.MemberWorld;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.member.Challenges;
import io.tally.domain.member.ClientLimits;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.PreferencesUseCase;
import io.tally.domain.member.VerifyCardUseCase;
import io.tally.domain.referral.InviteFriendsUseCase;
import io.tally.domain.shared.SignedTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code /unsubscribe}: a GET never unsubscribes, the one-click POST does without a session, bad links say why. */
class UnsubscribePageTest {
    private final MemberWorld m = new MemberWorld();
    private final SignedTokens tokens = new SignedTokens(new byte[32]);
    private final PortalApp app = new PortalApp(m.stores, m.world.programs,
            new VerifyCardUseCase(m.world.cards, m.world.queries, m.stores, m.world.clock),
            new Challenges(tokens, m.world.random, m.world.clock), m.enroll,
            new InviteFriendsUseCase(m.stores, m.mail, m.links, m.world.events, m.world.clock),
            new PreferencesUseCase(m.stores, m.world.events, m.world.clock), m.links,
            new PortalSecurityFactory(tokens, m.world.random, false), Optional.empty(), m.world.clock,
            new ClientLimits(m.stores, m.world.clock));
    private final ContactKey bob = ContactKey.email("bob@example.com");

    {
        m.stores.save(m.config);
    }

    private String token() {
        return m.links.unsubscribe().token(TestWorld.BRAND, "invitations", "bob@example.com", m.world.clock.instant());
    }

    private APIGatewayV2HTTPResponse call(String method, String query, String form) {
        String path = "/portal/" + TestWorld.BRAND.value() + "/unsubscribe";
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                .withSourceIp("10.0.0.1").build();
        return app.handle(APIGatewayV2HTTPEvent.builder().withRawPath(path).withRawQueryString(query)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http)
                        .withDomainName("rewards.example.com").build())
                .withBody(form == null ? null : Base64.getEncoder().encodeToString(form.getBytes(StandardCharsets.UTF_8)))
                .withIsBase64Encoded(form != null).build());
    }

    private Optional<Boolean> invitations() {
        return m.stores.load(TestWorld.BRAND, bob).flatMap(p -> p.choice("invitations"));
    }

    @Test
    void a_get_shows_a_button_and_changes_nothing() {
        APIGatewayV2HTTPResponse page = call("GET", "t=" + token(), null);
        assertEquals(200, page.getStatusCode());
        assertTrue(page.getBody().contains("Invitations from friends") && page.getBody().contains("b•••@example.com"));
        assertTrue(page.getBody().contains("<button type=\"submit\">Unsubscribe</button>"));
        assertFalse(page.getBody().contains("<script"));
        assertTrue(invitations().isEmpty(), "opening the link (a mail scanner) unsubscribes nobody");
        assertNull(page.getCookies(), "no session for a link page");
    }

    @Test
    void the_one_click_post_unsubscribes_without_session_or_csrf_and_twice_is_fine() {
        APIGatewayV2HTTPResponse done = call("POST", "t=" + token(), "List-Unsubscribe=One-Click");
        assertEquals(200, done.getStatusCode());
        assertTrue(done.getBody().contains("You are unsubscribed"));
        assertEquals(Optional.of(false), invitations());
        m.world.clock.advance(Duration.ofSeconds(1));
        assertEquals(200, call("POST", "t=" + token(), "List-Unsubscribe=One-Click").getStatusCode());
        assertEquals(Optional.of(false), invitations());
    }

    @Test
    void the_pages_button_posts_the_token_in_the_form() {
        Matcher t = Pattern.compile("name=\"t\" value=\"([^\"]+)\"").matcher(call("GET", "t=" + token(), null).getBody());
        assertTrue(t.find());
        assertEquals(200, call("POST", null, "t=" + t.group(1)).getStatusCode());
        assertEquals(Optional.of(false), invitations());
    }

    @Test
    void tampered_and_expired_links_get_a_clear_page_and_change_nothing() {
        String good = token();
        APIGatewayV2HTTPResponse tampered = call("POST", "t=x" + good, "List-Unsubscribe=One-Click");
        assertEquals(400, tampered.getStatusCode());
        assertTrue(tampered.getBody().contains("This unsubscribe link is not valid"));
        m.world.clock.advance(Duration.ofDays(401));
        APIGatewayV2HTTPResponse expired = call("GET", "t=" + good, null);
        assertEquals(410, expired.getStatusCode());
        assertTrue(expired.getBody().contains("This unsubscribe link has expired"));
        assertEquals(410, call("POST", "t=" + good, "List-Unsubscribe=One-Click").getStatusCode());
        assertTrue(invitations().isEmpty());
    }

    @Test
    void the_preferences_page_reports_each_box_as_it_showed_it() {
        assertEquals(Map.of("news", false, "invitations", true), PreferencesPage.shown(List.of("news:off", "invitations:on", "x")));
    }
}
