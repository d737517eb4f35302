package io.tally.portal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tally.domain.account.MemberAccountUseCase;
import io.tally.domain.account.MemberSignInUseCase;
import io.tally.domain.account.ProfileEventsSource;
import io.tally.domain.account.SignInLinks;
import io.tally.domain.card.CardNumber;
import io.tally.domain.email.EmailKind;
import io.tally.domain.email.EmailMessage;
import io.tally.domain.enrollment.EnrollUseCase;
import io.tally.domain.fakes.InMemoryCouponPort;
import io.tally.domain.fakes.InMemoryMemberSessions;
import io.tally.domain.fakes.MemberWorld;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.member.Challenges;
import io.tally.domain.member.ClientLimits;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.PreferencesUseCase;
import io.tally.domain.member.VerifyCardUseCase;
import io.tally.domain.referral.InviteFriendsUseCase;
import io.tally.domain.shared.SignedTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The member account pages on in-memory fakes: sign-in by link, session, ownership, CSRF, sign-out; the preferences
 * page's "Text messages" boxes for the phones of the member's cards.
 */
class AccountPagesTest {
    private final MemberWorld m = new MemberWorld();
    private final TestWorld w = m.world;
    private final SignedTokens tokens = new SignedTokens(new byte[32]);
    private final InMemoryMemberSessions sessions = new InMemoryMemberSessions();
    private final PortalApp app;

    AccountPagesTest() {
        var signIn = new MemberSignInUseCase(w.cards, sessions, m.stores, m.mail, new SignInLinks(tokens), w.random, w.clock);
        var account = new MemberAccountUseCase(w.queries, new InMemoryCouponPort(), w.account, ProfileEventsSource.NONE,
                w.clock);
        app = new PortalApp(m.stores, w.programs, new VerifyCardUseCase(w.cards, w.queries, m.stores, w.clock),
                new Challenges(tokens, w.random, w.clock), m.enroll,
                new InviteFriendsUseCase(m.stores, m.mail, m.links, w.events, w.clock),
                new PreferencesUseCase(m.stores, w.events, w.clock), m.links,
                new PortalSecurityFactory(tokens, w.random, false), Optional.empty(), w.clock,
                new ClientLimits(m.stores, w.clock), Optional.empty(), Optional.of(new MemberAccount(signIn, account, sessions)));
    }

    /** A browser: its cookies (name → value), kept as the answers set them. */
    private final class Browser {
        final Map<String, String> cookies = new LinkedHashMap<>();

        APIGatewayV2HTTPResponse get(String pathAndQuery) {
            return send("GET", pathAndQuery, null);
        }

        APIGatewayV2HTTPResponse post(String path, String form) {
            return send("POST", path, form);
        }

        APIGatewayV2HTTPResponse send(String method, String pathAndQuery, String form) {
            String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
            String query = pathAndQuery.contains("?") ? pathAndQuery.substring(pathAndQuery.indexOf('?') + 1) : null;
            var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                    .withSourceIp("10.0.0.1").build();
            List<String> sent = new ArrayList<>();
            cookies.forEach((k, v) -> sent.add(k + "=" + v));
            APIGatewayV2HTTPResponse r = app.handle(APIGatewayV2HTTPEvent.builder().withRawPath(path).withRawQueryString(query)
                    .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http)
                            .withDomainName("rewards.example.com").build())
                    .withCookies(sent.isEmpty() ? null : sent)
                    .withBody(form == null ? null : Base64.getEncoder().encodeToString(form.getBytes(StandardCharsets.UTF_8)))
                    .withIsBase64Encoded(form != null).build());
            if (r.getCookies() != null) {
                for (String c : r.getCookies()) {
                    String pair = c.split(";")[0];
                    String name = pair.substring(0, pair.indexOf('='));
                    String value = pair.substring(pair.indexOf('=') + 1);
                    if (value.isEmpty()) {
                        cookies.remove(name);
                    } else {
                        cookies.put(name, value);
                    }
                }
            }
            return r;
        }

        String csrf(String path) {
            Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(get(path).getBody());
            assertTrue(csrf.find());
            return csrf.group(1);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private CardNumber join(String name, String email) {
        var result = m.join(Map.of("firstName", name, "email", email), Optional.empty(), "browser-" + name);
        return ((EnrollUseCase.Result.Enrolled) result).card();
    }

    /** Asks for a link and answers the path of the one e-mailed. */
    private String requestLink(Browser b, String email) {
        int before = signInMails().size();
        APIGatewayV2HTTPResponse sent = b.post("/portal/ACME/signin", "email=" + enc(email) + "&csrf=" + b.csrf("/portal/ACME/signin"));
        assertEquals(200, sent.getStatusCode());
        assertTrue(sent.getBody().contains("If that address belongs to a member"), sent.getBody());
        List<EmailMessage> mails = signInMails();
        assertEquals(before + 1, mails.size());
        String url = mails.get(mails.size() - 1).value("signInUrl");
        assertTrue(url.startsWith("https://rewards.example.com/portal/ACME/link?t="), url);
        return url.substring("https://rewards.example.com".length());
    }

    private List<EmailMessage> signInMails() {
        return m.mail.queued().stream().filter(e -> e.kind() == EmailKind.SIGN_IN).toList();
    }

    /** Opens the link (a page with a button) and presses it. */
    private APIGatewayV2HTTPResponse follow(Browser b, String link) {
        APIGatewayV2HTTPResponse page = b.get(link);
        assertEquals(200, page.getStatusCode(), page.getBody());
        String token = link.substring(link.indexOf("?t=") + 3);
        return b.post("/portal/ACME/link", "t=" + enc(token) + "&csrf=" + b.csrf("/portal/ACME/signin"));
    }

    private Browser signedIn(String email) {
        Browser b = new Browser();
        APIGatewayV2HTTPResponse in = follow(b, requestLink(b, email));
        assertEquals(303, in.getStatusCode());
        assertEquals("/portal/ACME/account", in.getHeaders().get("location"));
        return b;
    }

    @Test
    void a_member_signs_in_by_link_and_the_cookie_is_safe() {
        CardNumber ada = join("Ada", "ada@example.com");
        w.issue(ada, 250);
        Browser b = new Browser();
        String link = requestLink(b, "ada@example.com");
        String portalSession = b.cookies.get("tally_portal");
        APIGatewayV2HTTPResponse in = follow(b, link);
        assertEquals(303, in.getStatusCode());
        String member = in.getCookies().stream().filter(c -> c.startsWith("tally_member=")).findFirst().orElseThrow();
        assertTrue(member.contains("HttpOnly") && member.contains("Secure") && member.contains("SameSite=Lax")
                && member.contains("Path=/portal/ACME"), member);
        assertFalse(portalSession.equals(b.cookies.get("tally_portal")), "signing in starts a new session");
        APIGatewayV2HTTPResponse account = b.get("/portal/ACME/account");
        assertEquals(200, account.getStatusCode());
        assertTrue(account.getBody().contains("Card ending " + ada.lastFour()), account.getBody());
        assertTrue(account.getBody().contains("a•••@example.com"));
        assertTrue(account.getBody().contains("/portal/ACME/preferences?t="));
        assertTrue(account.getHeaders().get("content-security-policy").contains("default-src 'none'"));
        APIGatewayV2HTTPResponse card = b.get("/portal/ACME/card?n=" + ada.value());
        assertEquals(200, card.getStatusCode());
        assertTrue(card.getBody().contains("id=\"history\""), card.getBody());
    }

    @Test
    void a_used_link_is_refused_with_a_clear_page_and_a_stranger_gets_the_same_answer_and_no_mail() {
        join("Ada", "ada@example.com");
        Browser b = new Browser();
        String link = requestLink(b, "ada@example.com");
        assertEquals(303, follow(b, link).getStatusCode());
        APIGatewayV2HTTPResponse again = follow(new Browser(), link);
        assertEquals(409, again.getStatusCode());
        assertTrue(again.getBody().contains("This sign-in link was used already"), again.getBody());

        Browser stranger = new Browser();
        APIGatewayV2HTTPResponse answer = stranger.post("/portal/ACME/signin", "email=" + enc("nobody@example.com")
                + "&csrf=" + stranger.csrf("/portal/ACME/signin"));
        assertEquals(200, answer.getStatusCode());
        assertTrue(answer.getBody().contains("If that address belongs to a member"));
        assertEquals(1, signInMails().size());
    }

    @Test
    void a_member_never_sees_another_members_card_and_pages_need_a_session() {
        join("Ada", "ada@example.com");
        CardNumber bob = join("Bob", "bob@example.com");
        Browser ada = signedIn("ada@example.com");
        APIGatewayV2HTTPResponse other = ada.get("/portal/ACME/card?n=" + bob.value());
        assertEquals(404, other.getStatusCode());
        assertFalse(other.getBody().contains(bob.lastFour()), "nothing of the other card shows");
        assertEquals(404, ada.get("/portal/ACME/card?n=not-a-number").getStatusCode());

        Browser anonymous = new Browser();
        APIGatewayV2HTTPResponse account = anonymous.get("/portal/ACME/account");
        assertEquals(303, account.getStatusCode());
        assertEquals("/portal/ACME/signin", account.getHeaders().get("location"));
        Browser thief = new Browser();
        thief.cookies.put("tally_member", ada.cookies.get("tally_member"));
        assertEquals(303, thief.get("/portal/ACME/account").getStatusCode(), "the cookie is bound to its browser session");
    }

    @Test
    void the_profile_form_needs_the_csrf_token_and_checks_the_customer_model() {
        CardNumber ada = join("Ada", "ada@example.com");
        Browser b = signedIn("ada@example.com");
        assertEquals(403, b.post("/portal/ACME/profile", "firstName=Eve").getStatusCode());
        String csrf = b.csrf("/portal/ACME/profile");
        APIGatewayV2HTTPResponse missing = b.post("/portal/ACME/profile", "firstName=&csrf=" + csrf);
        assertEquals(400, missing.getStatusCode());
        assertTrue(missing.getBody().contains("Enter your first name."), missing.getBody());
        APIGatewayV2HTTPResponse saved = b.post("/portal/ACME/profile", "firstName=Augusta&csrf=" + csrf);
        assertEquals(200, saved.getStatusCode(), saved.getBody());
        assertTrue(saved.getBody().contains("id=\"profile-saved\""));
        assertEquals("Augusta", w.cards.load(TestWorld.BRAND, ada).orElseThrow().primaryCustomer().orElseThrow().firstName());
    }

    @Test
    void signing_out_ends_the_session_even_for_a_copy_of_the_cookies_and_idle_sessions_lapse() {
        join("Ada", "ada@example.com");
        Browser b = signedIn("ada@example.com");
        Map<String, String> copy = new LinkedHashMap<>(b.cookies);
        APIGatewayV2HTTPResponse out = b.post("/portal/ACME/signout", "csrf=" + b.csrf("/portal/ACME/account"));
        assertEquals(303, out.getStatusCode());
        assertEquals("/portal/ACME/signin?out=1", out.getHeaders().get("location"));
        assertFalse(b.cookies.containsKey("tally_member"));
        assertEquals(303, b.get("/portal/ACME/account").getStatusCode());
        Browser replay = new Browser();
        replay.cookies.putAll(copy);
        assertEquals(303, replay.get("/portal/ACME/account").getStatusCode(), "a copy of a signed-out cookie is refused");

        Browser idle = signedIn("ada@example.com");
        assertEquals(200, idle.get("/portal/ACME/account").getStatusCode());
        w.clock.advance(MemberCookie.IDLE.minus(Duration.ofMinutes(1)));
        assertEquals(200, idle.get("/portal/ACME/account").getStatusCode(), "each page renews the idle time");
        w.clock.advance(MemberCookie.IDLE.plus(Duration.ofMinutes(1)));
        assertEquals(303, idle.get("/portal/ACME/account").getStatusCode());
    }

    private String preferencesPath(String email) {
        return "/portal/ACME/preferences?t=" + enc(m.links.preferences(TestWorld.BRAND, email, w.clock.instant()));
    }

    @Test
    void a_member_with_a_phone_gets_text_message_boxes_and_only_the_boxes_changed_are_saved() {
        m.join(Map.of("firstName", "Ada", "email", "ada@example.com", "phone", "+44 20 7946 0018"), Optional.empty(),
                "browser-ada");
        ContactKey phone = ContactKey.phone("442079460018");
        String id = m.links.phoneField(phone);
        Browser b = new Browser();
        APIGatewayV2HTTPResponse page = b.get(preferencesPath("ada@example.com"));
        assertEquals(200, page.getStatusCode(), page.getBody());
        String body = page.getBody();
        assertTrue(body.contains("<title>E-mail and text preferences") && body.contains("Text messages to •••0018"), body);
        assertTrue(body.contains("<input type=\"checkbox\" id=\"text-" + id + "-news\" name=\"text-" + id
                + "\" value=\"news\">"), "news is opt-in: unticked");
        assertTrue(body.contains("id=\"text-" + id + "-invitations\" name=\"text-" + id + "\" value=\"invitations\" "
                + "checked>"), "invitations default on");
        assertFalse(body.contains("text-" + id + "-account"), "texts about the account always come: no box");
        assertFalse(body.contains("7946"), "the number is not in the page");

        Matcher t = Pattern.compile("name=\"t\" value=\"([^\"]+)\"").matcher(body);
        assertTrue(t.find());
        String form = "csrf=" + b.csrf(preferencesPath("ada@example.com")) + "&t=" + enc(t.group(1))
                + "&shown=news:off&shown=invitations:on&list=invitations"
                + "&shown-" + id + "=news:off&shown-" + id + "=invitations:on&text-" + id + "=news&text-" + id
                + "=invitations";
        String stranger = m.links.phoneField(ContactKey.phone("15550100999"));
        APIGatewayV2HTTPResponse saved = b.post("/portal/ACME/preferences", form + "&shown-" + stranger
                + "=news:off&text-" + stranger + "=news");
        assertEquals(200, saved.getStatusCode(), saved.getBody());
        assertTrue(saved.getBody().contains("Saved."));
        assertEquals(Map.of("news", true), m.stores.load(TestWorld.BRAND, phone).orElseThrow().lists(),
                "only the box changed");
        assertTrue(m.stores.load(TestWorld.BRAND, ContactKey.email("ada@example.com")).isEmpty(), "no e-mail box changed");
        assertTrue(m.stores.load(TestWorld.BRAND, ContactKey.phone("15550100999")).isEmpty(),
                "a phone of no card of the member's is never written");
        var events = w.events.published().stream().filter(e -> e.type().equals("member.preferences")).toList();
        assertEquals(1, events.size());
        assertEquals("sms", events.get(0).data().get("channel"));
        assertEquals("PAGE", events.get(0).data().get("source"));
        assertEquals("true", events.get(0).data().get("list.news"));
    }

    @Test
    void a_member_without_a_phone_texts_reach_gets_the_email_boxes_only() {
        m.join(Map.of("firstName", "Bob", "email", "bob@example.com", "phone", "020 7946 0019"), Optional.empty(),
                "browser-bob");
        APIGatewayV2HTTPResponse page = new Browser().get(preferencesPath("bob@example.com"));
        assertEquals(200, page.getStatusCode());
        assertTrue(page.getBody().contains("<title>E-mail preferences"), page.getBody());
        assertFalse(page.getBody().contains("Text messages"), "a national number is never texted");
        assertFalse(new Browser().get(preferencesPath("friend@example.com")).getBody().contains("Text messages"),
                "a friend with no card");
    }
}
