package io.tally.portal.http;

import io.tally.domain.member.ContactKey;
import io.tally.domain.shared.SignedTokens;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The signed-in member's cookie: a signed statement (the portal secret, its own purpose) of brand, browser session,
 * sign-in instant and e-mail, valid for {@link #IDLE} and issued again with every account page, so it lapses after
 * 30 idle minutes and, whatever the activity, {@link #MAX_AGE} after signing in. It names the browser's session
 * ({@code tally_portal}), which signing in renews, so it is worth nothing beside another session's cookie; signing out
 * records the session as ended (A81), so a copy of the cookie stops working too. Nothing else is stored.
 */
final class MemberCookie {
    static final String NAME = "tally_member";
    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration MAX_AGE = Duration.ofHours(12);
    private static final String PURPOSE = "member-session";
    private final SignedTokens tokens;
    private final boolean local;

    MemberCookie(SignedTokens tokens, boolean local) {
        this.tokens = tokens;
        this.local = local;
    }

    /** Who is signed in, in which browser session, since when. */
    record Member(ContactKey email, String session, Instant signedInAt) {
    }

    /** The Set-Cookie value that (re)starts the member's idle time. */
    String issue(BrandId brand, Member m, Instant now) {
        Instant until = now.plus(IDLE).isAfter(m.signedInAt().plus(MAX_AGE)) ? m.signedInAt().plus(MAX_AGE) : now.plus(IDLE);
        String value = tokens.sign(PURPOSE, brand.value() + "|" + m.session() + "|" + m.signedInAt().getEpochSecond() + "|"
                + m.email().value(), until);
        return NAME + "=" + value + "; Path=/portal/" + brand.value() + "; Max-Age=" + IDLE.toSeconds()
                + "; HttpOnly; SameSite=Lax" + (local ? "" : "; Secure");
    }

    /** The Set-Cookie value that removes it. */
    String cleared(BrandId brand) {
        return NAME + "=; Path=/portal/" + brand.value() + "; Max-Age=0; HttpOnly; SameSite=Lax" + (local ? "" : "; Secure");
    }

    /** The member the request's cookie names, if it is intact, unexpired, this brand's and this browser session's. */
    Optional<Member> read(PortalRequest request, BrandId brand, String session, Instant now) {
        String value = request.cookies().get(NAME);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        return tokens.verify(PURPOSE, value, now).flatMap(p -> {
            String[] parts = p.split("\\|", 4);
            if (parts.length != 4 || !parts[0].equals(brand.value()) || !parts[1].equals(session) || parts[3].isBlank()) {
                return Optional.empty();
            }
            try {
                Instant since = Instant.ofEpochSecond(Long.parseLong(parts[2]));
                return now.isAfter(since.plus(MAX_AGE)) ? Optional.empty()
                        : Optional.of(new Member(ContactKey.email(parts[3]), session, since));
            } catch (NumberFormatException malformed) {
                return Optional.empty();
            }
        });
    }

    /** The name an ended session is recorded under: a keyed digest, so the store never holds a session id. */
    String endedName(String session) {
        return tokens.mac("member-session-ended", session);
    }
}
