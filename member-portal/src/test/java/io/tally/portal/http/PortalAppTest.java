package io.tally.portal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Pins;
import io.tally.domain.fakes.Crash;
import io.tally.domain.fakes.InMemoryMemberStores;
import io.tally.domain.fakes.MemberWorld;
import io.tally.domain.fakes.RecordingMail;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.fakes.WriteFaults;
import io.tally.domain.member.Challenges;
import io.tally.domain.member.ClientLimits;
import io.tally.domain.member.LinkTokens;
import io.tally.domain.member.PreferencesUseCase;
import io.tally.domain.member.VerifyCardUseCase;
import io.tally.domain.referral.InviteFriendsUseCase;
import io.tally.domain.shared.SignedTokens;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The portal handler on in-memory fakes: routing, CSRF, headers, cookies and the brand's stylesheet. */
class PortalAppTest {
    private final WriteFaults faults = new WriteFaults();
    private final MemberWorld m = new MemberWorld(Optional.of(faults));
    private final TestWorld world = m.world;
    private final InMemoryMemberStores stores = m.stores;
    private final RecordingMail mail = m.mail;
    private final SignedTokens tokens = new SignedTokens(new byte[32]);
    private final PortalApp app;

    PortalAppTest() {
        LinkTokens links = m.links;
        app = new PortalApp(stores, world.programs, new VerifyCardUseCase(world.cards, world.queries, stores, world.clock),
                new Challenges(tokens, world.random, world.clock), m.enroll,
                new InviteFriendsUseCase(stores, mail, links, world.events, world.clock),
                new PreferencesUseCase(stores, world.events, world.clock), links,
                new PortalSecurityFactory(tokens, world.random, false), Optional.empty(), world.clock,
                new ClientLimits(stores, world.clock));
    }

    /** A browser that opened the enrollment form: its session cookie and the form's CSRF token. */
    private record Browser(String cookie, String csrf) {
    }

    private Browser openEnrollForm() {
        APIGatewayV2HTTPResponse page = app.handle(event("GET", "/portal/ACME/enroll", null, null));
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.getBody());
        assertTrue(csrf.find());
        return new Browser(page.getCookies().get(0).split(";")[0], csrf.group(1));
    }

    private static APIGatewayV2HTTPEvent event(String method, String path, String cookie, String form) {
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path).withSourceIp("10.0.0.1").build();
        return APIGatewayV2HTTPEvent.builder().withRawPath(path)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http).withDomainName("rewards.example.com").build())
                .withCookies(cookie == null ? null : List.of(cookie))
                .withBody(form == null ? null : Base64.getEncoder().encodeToString(form.getBytes(StandardCharsets.UTF_8)))
                .withIsBase64Encoded(form != null).build();
    }

    @Test
    void pages_carry_security_headers_and_a_secure_session_cookie() {
        APIGatewayV2HTTPResponse page = app.handle(event("GET", "/portal/ACME/enroll", null, null));
        assertEquals(200, page.getStatusCode());
        assertTrue(page.getHeaders().get("content-security-policy").contains("default-src 'none'"));
        assertTrue(page.getHeaders().containsKey("strict-transport-security"));
        String cookie = page.getCookies().get(0);
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("Secure") && cookie.contains("SameSite=Lax"), cookie);
        assertTrue(page.getBody().contains("name=\"applicationId\" value=\"portal-app\""));
        assertFalse(page.getBody().contains("<script"), "no JavaScript");
    }

    @Test
    void a_post_without_the_sessions_csrf_token_changes_nothing() {
        APIGatewayV2HTTPResponse page = app.handle(event("GET", "/portal/ACME/enroll", null, null));
        String cookie = page.getCookies().get(0).split(";")[0];
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.getBody());
        assertTrue(csrf.find());
        String form = "applicationId=portal-app&merchantId=store-1&firstName=Ada&email=ada%40example.com";
        assertEquals(403, app.handle(event("POST", "/portal/ACME/enroll", cookie, form)).getStatusCode());
        assertEquals(403, app.handle(event("POST", "/portal/ACME/enroll", null, form + "&csrf=" + csrf.group(1))).getStatusCode());
        assertTrue(mail.queued().isEmpty());
        assertEquals(200, app.handle(event("POST", "/portal/ACME/enroll", cookie, form + "&csrf=" + csrf.group(1))).getStatusCode());
        assertEquals(1, mail.queued().size());
        assertTrue(mail.queued().get(0).value("preferencesUrl").startsWith("https://rewards.example.com/portal/ACME/preferences?t="));
    }

    @Test
    void a_client_cannot_sign_up_without_limit() {
        APIGatewayV2HTTPResponse page = app.handle(event("GET", "/portal/ACME/enroll", null, null));
        String cookie = page.getCookies().get(0).split(";")[0];
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.getBody());
        assertTrue(csrf.find());
        int last = 0;
        for (int i = 0; i <= ClientLimits.MAX_ENROLLMENTS_PER_CLIENT; i++) {
            String form = "applicationId=portal-app&merchantId=store-1&firstName=A&email=a" + i + "%40example.com&csrf=" + csrf.group(1);
            last = app.handle(event("POST", "/portal/ACME/enroll", cookie, form)).getStatusCode();
        }
        assertEquals(429, last);
        assertEquals(ClientLimits.MAX_ENROLLMENTS_PER_CLIENT, mail.queued().size());
    }

    @Test
    void a_page_that_died_mid_enrollment_is_completed_by_resubmitting_and_only_its_browser_sees_the_pin() {
        Browser ada = openEnrollForm();
        Browser eve = openEnrollForm();
        String form = "applicationId=portal-app&merchantId=store-1&firstName=Ada&email=ada%40example.com&phone=%2B1+555+0100";
        faults.crashAfterWrite(4); // the card is written, then the function dies: the browser gets an error
        assertThrows(Crash.class, () -> app.handle(event("POST", "/portal/ACME/enroll", ada.cookie(), form + "&csrf=" + ada.csrf())));

        APIGatewayV2HTTPResponse other = app.handle(event("POST", "/portal/ACME/enroll", eve.cookie(), form + "&csrf=" + eve.csrf()));
        assertEquals(409, other.getStatusCode());
        assertTrue(other.getBody().contains("already belongs to a member"), other.getBody());
        assertFalse(other.getBody().contains("new-card-pin"));

        APIGatewayV2HTTPResponse again = app.handle(event("POST", "/portal/ACME/enroll", ada.cookie(), form + "&csrf=" + ada.csrf()));
        assertEquals(200, again.getStatusCode());
        Matcher shown = Pattern.compile("id=\"new-card-number\">([0-9 ]+)</strong>.*id=\"new-card-pin\">([0-9]+)</strong>",
                Pattern.DOTALL).matcher(again.getBody());
        assertTrue(shown.find(), again.getBody());
        Card card = world.cards.load(TestWorld.BRAND, new CardNumber(shown.group(1).replace(" ", ""))).orElseThrow();
        assertTrue(card.enrolled());
        assertTrue(Pins.matches(card, shown.group(2)), "the PIN shown is the card's");
    }

    @Test
    void unknown_brands_and_pages_are_not_found_and_the_theme_is_the_brands() {
        assertEquals(404, app.handle(event("GET", "/portal/NOPE/balance", null, null)).getStatusCode());
        assertEquals(404, app.handle(event("GET", "/portal/ACME/admin", null, null)).getStatusCode());
        APIGatewayV2HTTPResponse theme = app.handle(event("GET", "/portal/ACME/theme.css", null, null));
        assertTrue(theme.getBody().contains("--primary:#7a2e0e"), theme.getBody());
        assertEquals(303, app.handle(event("GET", "/portal/ACME", null, null)).getStatusCode());
    }
}
