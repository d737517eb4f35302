package io.tally.domain.account;

import io.tally.domain.card.ProfileRules;
import io.tally.domain.member.ContactKey;
import io.tally.domain.shared.SignedTokens;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The token of a sign-in link: brand, e-mail and a random link id, signed (HMAC-SHA256 under the portal secret, its
 * own purpose) and valid for {@link #VALIDITY}. The link id is what {@link MemberSessionsPort#consumeLink} marks, so a
 * link works once.
 */
public final class SignInLinks {
    public static final Duration VALIDITY = Duration.ofMinutes(15);
    private static final String PURPOSE = "member-sign-in";
    private static final Pattern LINK_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private final SignedTokens tokens;

    public SignInLinks(SignedTokens tokens) {
        this.tokens = tokens;
    }

    /** What a good token says. */
    public record Link(ContactKey email, String linkId, Instant expires) {
    }

    public String sign(BrandId brand, String email, String linkId, Instant now) {
        if (!LINK_ID.matcher(linkId).matches()) {
            throw new IllegalArgumentException("a link id is 16-64 URL-safe characters");
        }
        Instant expires = now.plus(VALIDITY);
        return tokens.sign(PURPOSE, brand.value() + "|" + linkId + "|" + expires.getEpochSecond() + "|"
                + ProfileRules.normalizeEmail(email), expires);
    }

    /** The link, if the token is intact, for this brand and not expired at {@code now}. */
    public Optional<Link> verify(BrandId brand, String token, Instant now) {
        return tokens.verify(PURPOSE, token, now).flatMap(p -> {
            String[] parts = p.split("\\|", 4);
            if (parts.length != 4 || !parts[0].equals(brand.value()) || !LINK_ID.matcher(parts[1]).matches()
                    || parts[3].isBlank()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Link(ContactKey.email(parts[3]), parts[1],
                        Instant.ofEpochSecond(Long.parseLong(parts[2]))));
            } catch (NumberFormatException malformed) {
                return Optional.empty();
            }
        });
    }
}
