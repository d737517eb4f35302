package io.tally.domain.communication.send;

import io.tally.domain.shared.Identifiers;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A scheduled send (the glossary's "Scheduled sends"): a template to a list, optionally narrowed to a segment, at a time.
 * <ul>
 *   <li>{@code templateVersion}: 0 while editable; the template's version when it was queued (what a recipient gets);</li>
 *   <li>{@code portalUrl}: the brand's portal base URL, fixed when queued (the unsubscribe and preferences links);</li>
 *   <li>{@code snapshot}: the segment's READY snapshot when the send started (its membership narrows the recipients);</li>
 *   <li>{@code rate}: messages per second, the brand's setting when the send started (pages are paced by it);</li>
 *   <li>{@code version}: changed by every edit and status change but the fan-out's progress, so each is one
 *   conditional write over the version read (a cancel and a start of the same QUEUED send: one of them wins).</li>
 * </ul>
 */
public record Send(BrandId brand, String id, String name, String template, long templateVersion, String list,
                   Optional<String> segment, SendChannel channel, Optional<Instant> sendAt, Optional<String> portalUrl,
                   SendStatus status, Optional<String> snapshot, int rate, SendProgress progress, Optional<String> error,
                   Instant updatedAt, String updatedBy, long version) {
    public static final int MAX_NAME = 80;
    public static final int MAX_RATE = 10_000;

    public Send {
        Objects.requireNonNull(brand, "brand");
        Identifiers.require(id, "send id");
        Objects.requireNonNull(name, "name");
        Identifiers.require(template, "template");
        Identifiers.require(list, "list");
        Objects.requireNonNull(segment, "segment");
        segment.ifPresent(s -> Identifiers.require(s, "segment"));
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(sendAt, "sendAt");
        Objects.requireNonNull(portalUrl, "portalUrl");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
        if (name.isBlank() || name.length() > MAX_NAME || version < 1 || templateVersion < 0 || rate < 1
                || rate > MAX_RATE) {
            throw new IllegalArgumentException("not a send: name 1-" + MAX_NAME + ", rate 1-" + MAX_RATE);
        }
        if (!status.editable() && status != SendStatus.CANCELLED && (templateVersion < 1 || sendAt.isEmpty()
                || portalUrl.isEmpty())) {
            throw new IllegalArgumentException("a queued send has its template version, time and portal URL");
        }
    }

    /** The mailing id of its recipients' messages ({@code TemplateMail}): {@code send-<id>}. */
    public String mailing() {
        return "send-" + id;
    }

    /** The mailing id of its tests: {@code test-<id>}, never counted. */
    public String testMailing() {
        return "test-" + id;
    }

    /** The same send, changed by one write: a later version. */
    public Send next(SendStatus nextStatus, Instant now, String by) {
        return new Send(brand, id, name, template, templateVersion, list, segment, channel, sendAt, portalUrl, nextStatus,
                snapshot, rate, progress, error, now, by, version + 1);
    }

    public Send queued(long fixedTemplateVersion, Instant at, String url, Instant now, String by) {
        return new Send(brand, id, name, template, fixedTemplateVersion, list, segment, channel, Optional.of(at),
                Optional.of(url), SendStatus.QUEUED, snapshot, rate, progress, error, now, by, version + 1);
    }

    /** QUEUED → SENDING: the segment's snapshot and the rate fixed, progress starts now. */
    public Send started(Optional<String> fixedSnapshot, int fixedRate, Instant now) {
        return new Send(brand, id, name, template, templateVersion, list, segment, channel, sendAt, portalUrl,
                SendStatus.SENDING, fixedSnapshot, fixedRate, SendProgress.NONE.started(now), error, now, "system",
                version + 1);
    }

    /** QUEUED → ERROR before any page: nothing was queued (e.g. the segment has no evaluated snapshot). */
    public Send failed(String reason, Instant now) {
        return new Send(brand, id, name, template, templateVersion, list, segment, channel, sendAt, portalUrl,
                SendStatus.ERROR, snapshot, rate, progress, Optional.of(reason), now, "system", version + 1);
    }
}
