package io.tally.domain.delivery;

import io.tally.domain.delivery.DeliveryEvent.Kind;
import io.tally.domain.delivery.TrackingLinks.Tracked;
import io.tally.domain.shared.Fingerprint;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Opens and clicks we serve ourselves (so every provider, SMTP included, counts them): the tracking image and the
 * signed click redirect. Every request of an intact, current token is one open or one click (reopening and clicking
 * again count, the glossary says), with a fresh event id; the first of the recipient in the mailing is also its unique
 * open or click. A tampered, cut short or other brand's token is refused and writes nothing; an expired one still
 * redirects (the brand's link keeps working) but is not counted.
 */
public final class TrackingUseCase {
    private static final Pattern SAFE_URL = Pattern.compile("https?://[^\\s\\p{Cntrl}]+");
    private final TrackingLinks links;
    private final RecordDeliveryUseCase record;
    private final Clock clock;

    public TrackingUseCase(TrackingLinks links, RecordDeliveryUseCase record, Clock clock) {
        this.links = links;
        this.record = record;
        this.clock = clock;
    }

    /** True if the token was good (the image is served either way to a mail client: false answers 400). */
    public boolean open(BrandId brand, String token) {
        Instant now = clock.instant();
        Optional<Tracked> tracked = links.checkOpen(brand, token, now);
        tracked.filter(Tracked::current).ifPresent(t -> count(t, token, Kind.OPEN, "o-", now));
        return tracked.isPresent();
    }

    /** Where the click goes; empty (answer 400, nothing written) for a token that is not one of ours. */
    public Optional<String> click(BrandId brand, String token) {
        Instant now = clock.instant();
        Optional<Tracked> tracked = links.checkClick(brand, token, now)
                .filter(t -> t.url().filter(u -> SAFE_URL.matcher(u).matches()).isPresent());
        tracked.filter(Tracked::current).ifPresent(t -> count(t, token, Kind.CLICK, "c-", now));
        return tracked.flatMap(Tracked::url);
    }

    /**
     * One event per token and minute: a mail client that fetches the image again, a reload of a link or a script
     * replaying a forwarded e-mail's link counts at most once a minute (each count costs a handful of writes).
     */
    private void count(Tracked t, String token, Kind kind, String prefix, Instant now) {
        String id = Fingerprint.of(token, now.getEpochSecond() / 60);
        record.record(new DeliveryEvent(prefix + id, t.brand(), kind, t.mailing(),
                Optional.of(t.list()), t.location(), t.recipient(), Optional.empty(), now));
    }
}
