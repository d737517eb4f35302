package io.tally.domain.delivery;

import io.tally.domain.communication.TemplateMail;
import io.tally.domain.shared.SignedTokens;
import io.tally.domain.shared.SignedTokens.Status;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The tracking image's and the click redirects' tokens: signed (purposes {@code open} and {@code click}, so neither is
 * any other link of ours) with the tracking secret, which only the e-mail sender (signs) and the member portal
 * (checks) hold; it signs nothing else, so whoever learns it can forge opens and clicks, never an unsubscribe or a
 * session. A token names brand, mailing, list, location and the recipient's fingerprint (never the address: links end
 * up in logs); a click's token also names the destination, so the redirect goes only where the brand's e-mail pointed.
 */
public final class TrackingLinks {
    /** As long as the unsubscribe link: old e-mails keep their links working (counted or not). */
    public static final Duration VALIDITY = Duration.ofDays(400);
    public static final int MAX_URL_LENGTH = 2000;
    static final String OPEN = "open";
    static final String CLICK = "click";
    private final SignedTokens tokens;

    public TrackingLinks(SignedTokens tokens) {
        this.tokens = tokens;
    }

    /** What a token said, once checked. {@code current}: not expired (an expired token's click still redirects). */
    public record Tracked(BrandId brand, String mailing, String list, Optional<String> location, String recipient,
                          Optional<String> url, boolean current) {
    }

    public String openToken(TemplateMail mail, Instant now) {
        return tokens.sign(OPEN, payload(mail), now.plus(VALIDITY));
    }

    public String clickToken(TemplateMail mail, String url, Instant now) {
        if (url.length() > MAX_URL_LENGTH) {
            throw new IllegalArgumentException("a tracked link's destination is at most " + MAX_URL_LENGTH + " characters");
        }
        return tokens.sign(CLICK, payload(mail) + "|" + url, now.plus(VALIDITY));
    }

    /** The open token's facts, if intact and the brand's; empty for a tampered, cut short or other brand's token. */
    public Optional<Tracked> checkOpen(BrandId brand, String token, Instant now) {
        return check(OPEN, brand, token, now, 5);
    }

    public Optional<Tracked> checkClick(BrandId brand, String token, Instant now) {
        return check(CLICK, brand, token, now, 6);
    }

    private Optional<Tracked> check(String purpose, BrandId brand, String token, Instant now, int parts) {
        SignedTokens.Check check = tokens.check(purpose, token, now);
        if (check.status() == Status.INVALID) {
            return Optional.empty();
        }
        String[] p = check.payload().orElseThrow().split("\\|", parts);
        if (p.length != parts || !p[0].equals(brand.value())) {
            return Optional.empty();
        }
        return Optional.of(new Tracked(brand, p[1], p[2], Optional.of(p[3]).filter(s -> !s.isEmpty()), p[4],
                parts == 6 ? Optional.of(p[5]) : Optional.empty(), check.status() == Status.VALID));
    }

    private static String payload(TemplateMail mail) {
        return mail.brand().value() + "|" + mail.mailing() + "|" + mail.list() + "|" + mail.location().orElse("") + "|"
                + DeliveryEvent.recipientOf(mail.to());
    }
}
