package io.tally.domain.communication;

import io.tally.domain.card.ProfileRules;
import io.tally.domain.email.EmailMessage;
import io.tally.domain.member.ContactKey;
import io.tally.domain.shared.SignedTokens;
import io.tally.domain.shared.SignedTokens.Status;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The one-click unsubscribe link of one recipient and one list (RFC 8058): a token signed with the portal's secret
 * (purpose {@code unsubscribe}, so no other link of ours is one) naming brand, list and address, valid for
 * {@link #VALIDITY}. Whoever holds the e-mail holds the link; nobody can make one for another address or list.
 */
public final class UnsubscribeLinks {
    /** Longer than any law asks a link to keep working after the send (CAN-SPAM: 30 days). */
    public static final Duration VALIDITY = Duration.ofDays(400);
    static final String PURPOSE = "unsubscribe";
    private final SignedTokens tokens;

    public UnsubscribeLinks(SignedTokens tokens) {
        this.tokens = tokens;
    }

    public String token(BrandId brand, String list, String email, Instant now) {
        return tokens.sign(PURPOSE, brand.value() + "|" + list + "|" + ProfileRules.normalizeEmail(email),
                now.plus(VALIDITY));
    }

    /** {@code portalUrl}: the brand's portal base URL (no trailing slash). */
    public String url(String portalUrl, BrandId brand, String list, String email, Instant now) {
        return portalUrl + "/unsubscribe?t=" + token(brand, list, email, now);
    }

    /** The headers a promotional message carries: the link for one-click POSTs (RFC 8058) and mail clients' buttons. */
    public Map<String, String> headers(String portalUrl, BrandId brand, String list, String email, Instant now) {
        return Map.of(EmailMessage.LIST_UNSUBSCRIBE, "<" + url(portalUrl, brand, list, email, now) + ">",
                EmailMessage.LIST_UNSUBSCRIBE_POST, "List-Unsubscribe=One-Click");
    }

    /** What a link says, once checked. */
    public sealed interface Link {
        record Good(String list, ContactKey email) implements Link {
        }

        /** Intact but older than {@link #VALIDITY}. */
        record Expired() implements Link {
        }

        /** Not one of ours for this brand: altered, cut short, another brand's, another purpose's. */
        record Invalid() implements Link {
        }
    }

    public Link check(BrandId brand, String token, Instant now) {
        SignedTokens.Check check = tokens.check(PURPOSE, token, now);
        if (check.status() == Status.INVALID) {
            return new Link.Invalid();
        }
        String[] parts = check.payload().orElseThrow().split("\\|", 3);
        if (parts.length != 3 || !parts[0].equals(brand.value())) {
            return new Link.Invalid();
        }
        return check.status() == Status.EXPIRED ? new Link.Expired() : new Link.Good(parts[1], ContactKey.email(parts[2]));
    }
}
