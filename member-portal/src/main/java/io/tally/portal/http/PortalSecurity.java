package io.tally.portal.http;

import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.SignedTokens;
import io.tally.sqs.web.SecurityHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sessions, CSRF tokens, client identity and the security headers of every page. A session is a random id in an
 * HttpOnly, SameSite=Lax cookie (Secure outside local runs); its CSRF token is a keyed digest of the id, so
 * nothing is stored and a token from one session is useless in another.
 */
final class PortalSecurity {
    static final String COOKIE = "tally_portal";
    private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9_-]{22}");
    /** Strict: our own stylesheet, images from us or https, no script at all, forms post only to us. */
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' https:; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";
    private final SignedTokens tokens;
    private final RandomSource random;
    private final boolean local;

    PortalSecurity(SignedTokens tokens, RandomSource random, boolean local) {
        this.tokens = tokens;
        this.random = random;
        this.local = local;
    }

    Optional<String> session(PortalRequest request) {
        return Optional.ofNullable(request.cookies().get(COOKIE)).filter(s -> SESSION.matcher(s).matches());
    }

    String newSession() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    String csrf(String session) {
        return tokens.mac("csrf", session);
    }

    /** True only for a request with a session cookie and that session's CSRF token in the form. */
    boolean validCsrf(PortalRequest request) {
        Optional<String> session = session(request);
        String posted = request.field("csrf");
        return session.isPresent() && !posted.isEmpty() && MessageDigest.isEqual(
                csrf(session.get()).getBytes(StandardCharsets.US_ASCII), posted.getBytes(StandardCharsets.US_ASCII));
    }

    String cookie(String session) {
        return COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Lax" + (local ? "" : "; Secure");
    }

    /**
     * Who submits an enrollment: a keyed digest of the session, so only the browser that submitted a form can be told
     * its card and PIN again when it resubmits (the session id itself is never stored).
     */
    String requester(String session) {
        return tokens.mac("enrollment-requester", session);
    }

    /** A stable, unguessable name for the client's address (addresses themselves are not stored). */
    String client(PortalRequest request) {
        return tokens.mac("client", request.sourceIp()).substring(0, 22);
    }

    Map<String, String> headers(String contentType) {
        return SecurityHeaders.of(contentType, CSP, local);
    }

    boolean local() {
        return local;
    }
}
