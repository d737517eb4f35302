package io.tally.domain.member;

import io.tally.domain.card.CardNumber;
import io.tally.domain.card.ProfileRules;
import io.tally.domain.communication.UnsubscribeLinks;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.SignedTokens;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The signed parts of links in e-mails: the preferences link (who may change whose preferences, no
 * password) and the referral link (who invited which address). Bound to the brand, so a link of one
 * brand is worthless at another.
 */
public final class LinkTokens {
    public static final Duration PREFERENCES_VALIDITY = Duration.ofDays(366);
    public static final Duration REFERRAL_VALIDITY = Duration.ofDays(60);
    private final SignedTokens tokens;

    public LinkTokens(SignedTokens tokens) {
        this.tokens = tokens;
    }

    /** The one-click unsubscribe links, signed with the same secret. */
    public UnsubscribeLinks unsubscribe() {
        return new UnsubscribeLinks(tokens);
    }

    public String preferences(BrandId brand, String email, Instant now) {
        return tokens.sign("preferences", brand.value() + "|" + ProfileRules.normalizeEmail(email),
                now.plus(PREFERENCES_VALIDITY));
    }

    /** The e-mail the link was made for, if the token is good for this brand. */
    public Optional<ContactKey> verifyPreferences(BrandId brand, String token, Instant now) {
        return tokens.verify("preferences", token, now)
                .filter(p -> p.startsWith(brand.value() + "|"))
                .map(p -> ContactKey.email(p.substring(brand.value().length() + 1)));
    }

    /** Who invited which address. */
    /**
     * A phone's name on the preferences page: a keyed digest of its choices' key (the portal's secret), so neither the
     * page's source nor a guess at the number tells which phone a set of boxes belongs to.
     */
    public String phoneField(ContactKey phone) {
        return tokens.mac("preferences-phone", phone.asText()).replaceAll("[^A-Za-z0-9]", "").substring(0, 16);
    }

    public record Referral(CardNumber sender, String invitedEmail) {
    }

    public String referral(BrandId brand, CardNumber sender, String invitedEmail, Instant now) {
        return tokens.sign("referral", brand.value() + "|" + sender.value() + "|"
                + ProfileRules.normalizeEmail(invitedEmail), now.plus(REFERRAL_VALIDITY));
    }

    public Optional<Referral> verifyReferral(BrandId brand, String token, Instant now) {
        return tokens.verify("referral", token, now).flatMap(p -> {
            String[] parts = p.split("\\|", 3);
            if (parts.length != 3 || !parts[0].equals(brand.value())) {
                return Optional.empty();
            }
            Outcome<CardNumber> sender = CardNumber.parse(parts[1]);
            return sender.isAccepted() ? Optional.of(new Referral(sender.value(), parts[2])) : Optional.empty();
        });
    }
}
