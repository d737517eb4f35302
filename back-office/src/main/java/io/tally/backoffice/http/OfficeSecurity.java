package io.tally.backoffice.http;

import io.tally.backoffice.http.Session.SignedIn;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.SignedTokens;
import io.tally.domain.staff.StaffId;
import io.tally.sqs.web.SecurityHeaders;
import io.tally.domain.tenant.BrandId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sessions, CSRF tokens and the security headers of every back-office answer. The session cookie {@code tally_admin}
 * is HttpOnly, SameSite=Strict and (outside local runs) Secure. Its value is a random id, and once signed in a
 * signed statement of brand, staff id and expiry ({@link SignedTokens}, keyed by the stack's secret). The CSRF token
 * is a keyed digest of the session id, so nothing is stored and a token from one session is useless in another;
 * signing in starts a new id (no session fixation).
 */
public final class OfficeSecurity {
    public static final String COOKIE = "tally_admin";
    /** Staff sign in again after this long, whatever they do. */
    public static final Duration SIGNED_IN_FOR = Duration.ofHours(8);
    /** Strict: our own stylesheet, no script at all, forms post only to us, no framing. */
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final String PURPOSE = "office-session";
    private final SignedTokens tokens;
    private final RandomSource random;
    private final Clock clock;
    private final boolean local;

    public OfficeSecurity(SignedTokens tokens, RandomSource random, Clock clock, boolean local) {
        this.tokens = tokens;
        this.random = random;
        this.clock = clock;
        this.local = local;
    }

    /** The request's session if its cookie is well formed (a signed-in part must verify and not be expired). */
    Optional<Session> session(OfficeRequest request) {
        String value = request.cookies().get(COOKIE);
        if (value == null) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        String id = dot < 0 ? value : value.substring(0, dot);
        if (!ID.matcher(id).matches()) {
            return Optional.empty();
        }
        if (dot < 0) {
            return Optional.of(new Session(id, Optional.empty()));
        }
        return tokens.verify(PURPOSE, value.substring(dot + 1), clock.instant())
                .flatMap(payload -> signedIn(id, payload))
                .map(s -> new Session(id, Optional.of(s)));
    }

    private static Optional<SignedIn> signedIn(String id, String payload) {
        String[] parts = payload.split("\n", -1);
        if (parts.length != 4 || !parts[0].equals(id)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SignedIn(new BrandId(parts[1]), new StaffId(parts[2]),
                    Instant.ofEpochSecond(Long.parseLong(parts[3]))));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    Session anonymous() {
        return new Session(newId(), Optional.empty());
    }

    /** A fresh session for a member who has just signed in. */
    Session signIn(BrandId brand, StaffId staff) {
        return new Session(newId(), Optional.of(new SignedIn(brand, staff, clock.instant().plus(SIGNED_IN_FOR))));
    }

    private String newId() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    public String csrf(Session session) {
        return tokens.mac("office-csrf", session.id());
    }

    /** True only when the form carries the CSRF token of the request's own session. */
    boolean validCsrf(OfficeRequest request, Session session) {
        String posted = request.field("csrf");
        return !posted.isEmpty() && MessageDigest.isEqual(csrf(session).getBytes(StandardCharsets.US_ASCII),
                posted.getBytes(StandardCharsets.US_ASCII));
    }

    /** The Set-Cookie value that stores {@code session}. */
    String cookie(Session session) {
        String value = session.signedIn().map(s -> session.id() + "." + tokens.sign(PURPOSE,
                session.id() + "\n" + s.brand().value() + "\n" + s.staff().value() + "\n" + s.expires().getEpochSecond(),
                s.expires())).orElse(session.id());
        return COOKIE + "=" + value + "; Path=" + OfficeRequest.PREFIX + "; HttpOnly; SameSite=Strict"
                + (local ? "" : "; Secure");
    }

    Map<String, String> headers(String contentType) {
        return SecurityHeaders.of(contentType, CSP, local);
    }

    boolean local() {
        return local;
    }
}
