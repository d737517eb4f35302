package io.tally.backoffice.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.fakes.MutableClock;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.shared.SignedTokens;
import io.tally.domain.staff.StaffId;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code tally_admin} session cookie, its expiry and tampering, CSRF tokens and the security headers. */
class OfficeSecurityTest {
    static final String SECRET = "a-test-secret-of-at-least-thirty-two-bytes!!";
    private static final BrandId BRAND = new BrandId("DEMO");
    private static final StaffId STAFF = new StaffId("staff-1");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final OfficeSecurity security = new OfficeSecurity(SignedTokens.fromText(SECRET), new SeededRandom(7), clock, false);

    static OfficeRequest request(String cookieValue, Map<String, List<String>> form) {
        return new OfficeRequest("POST", "/", form, Map.of(),
                cookieValue == null ? Map.of() : Map.of(OfficeSecurity.COOKIE, cookieValue));
    }

    /** The cookie's value, as the browser sends it back. */
    static String value(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    @Test
    void the_cookie_is_http_only_strict_secure_and_scoped_to_admin() {
        String cookie = security.cookie(security.signIn(BRAND, STAFF));
        assertTrue(cookie.startsWith(OfficeSecurity.COOKIE + "="), cookie);
        assertTrue(cookie.contains("; Path=/admin"), cookie);
        assertTrue(cookie.contains("; HttpOnly"), cookie);
        assertTrue(cookie.contains("; SameSite=Strict"), cookie);
        assertTrue(cookie.endsWith("; Secure"), cookie);
        var local = new OfficeSecurity(SignedTokens.fromText(SECRET), new SeededRandom(7), clock, true);
        assertFalse(local.cookie(local.anonymous()).contains("Secure"), "local runs are plain http");
    }

    @Test
    void a_signed_in_session_reads_back_until_it_expires() {
        Session signedIn = security.signIn(BRAND, STAFF);
        String value = value(security.cookie(signedIn));
        Session read = security.session(request(value, Map.of())).orElseThrow();
        assertEquals(signedIn.id(), read.id());
        assertEquals(BRAND, read.signedIn().orElseThrow().brand());
        assertEquals(STAFF, read.signedIn().orElseThrow().staff());
        assertEquals(clock.instant().plus(OfficeSecurity.SIGNED_IN_FOR), read.signedIn().orElseThrow().expires());

        clock.advance(OfficeSecurity.SIGNED_IN_FOR.minusSeconds(1));
        assertTrue(security.session(request(value, Map.of())).isPresent());
        clock.advance(Duration.ofSeconds(2));
        assertEquals(Optional.empty(), security.session(request(value, Map.of())), "expired: signed out");
    }

    @Test
    void signing_in_starts_a_new_session_id() {
        Session anonymous = security.anonymous();
        Session signedIn = security.signIn(BRAND, STAFF);
        assertNotEquals(anonymous.id(), signedIn.id(), "no session fixation");
        assertTrue(security.session(request(value(security.cookie(anonymous)), Map.of())).orElseThrow().signedIn().isEmpty());
    }

    @Test
    void a_tampered_or_foreign_cookie_is_no_session() {
        String value = value(security.cookie(security.signIn(BRAND, STAFF)));
        String id = value.substring(0, value.indexOf('.'));
        String token = value.substring(value.indexOf('.') + 1);
        char last = token.charAt(token.length() - 1);
        String flipped = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertEquals(Optional.empty(), security.session(request(id + "." + flipped, Map.of())));
        String otherId = security.anonymous().id();
        assertEquals(Optional.empty(), security.session(request(otherId + "." + token, Map.of())),
                "a signed part moved to another session id");
        var otherKey = new OfficeSecurity(SignedTokens.fromText(SECRET + "-other"), new SeededRandom(7), clock, false);
        assertEquals(Optional.empty(), otherKey.session(request(value, Map.of())), "signed with another stack's secret");
        assertEquals(Optional.empty(), security.session(request("not-an-id", Map.of())));
        assertEquals(Optional.empty(), security.session(request(null, Map.of())));
    }

    @Test
    void the_csrf_token_is_valid_only_in_its_own_session() {
        Session session = security.anonymous();
        Session other = security.anonymous();
        String token = security.csrf(session);
        assertTrue(security.validCsrf(request(null, Map.of("csrf", List.of(token))), session));
        assertFalse(security.validCsrf(request(null, Map.of("csrf", List.of(token))), other));
        assertFalse(security.validCsrf(request(null, Map.of()), session), "missing");
        assertFalse(security.validCsrf(request(null, Map.of("csrf", List.of(token + "x"))), session));
        assertEquals(token, security.csrf(security.session(request(value(security.cookie(session)), Map.of())).orElseThrow()),
                "the same session keeps its token across requests");
    }

    @Test
    void every_answer_carries_the_security_headers() {
        Map<String, String> h = security.headers("text/html; charset=utf-8");
        assertEquals("text/html; charset=utf-8", h.get("content-type"));
        assertEquals(OfficeSecurity.CSP, h.get("content-security-policy"));
        assertTrue(h.get("content-security-policy").contains("frame-ancestors 'none'"));
        assertEquals("nosniff", h.get("x-content-type-options"));
        assertEquals("DENY", h.get("x-frame-options"));
        assertEquals("no-store", h.get("cache-control"));
        assertTrue(h.containsKey("strict-transport-security"));
        var local = new OfficeSecurity(SignedTokens.fromText(SECRET), new SeededRandom(7), clock, true);
        assertFalse(local.headers("text/html").containsKey("strict-transport-security"));
    }
}
